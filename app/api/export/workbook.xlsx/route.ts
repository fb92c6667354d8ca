import { errorResponse } from "../_lib/download";
import { workbookDownload } from "../_lib/workbook";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    return workbookDownload(new URL(request.url));
  } catch (err) {
    return errorResponse(err);
  }
}
