import { errorResponse, sourceTableDownload } from "../../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    return sourceTableDownload((await params).file, new URL(request.url).searchParams);
  } catch (err) {
    return errorResponse(err);
  }
}
