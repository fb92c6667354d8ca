import { errorResponse } from "../_lib/download";
import { publicUrl, workbookDownload } from "../_lib/workbook";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    return workbookDownload(publicUrl(request));
  } catch (err) {
    return errorResponse(err);
  }
}
