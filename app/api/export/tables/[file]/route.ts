import { routeSegment } from "@/app/_lib/url-segment";
import { DownloadError, errorResponse, sourceTableDownload } from "../../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const file = routeSegment((await params).file);
    if (file === null) throw new DownloadError(404, "no such table download");
    return sourceTableDownload(file, new URL(request.url).searchParams);
  } catch (err) {
    return errorResponse(err);
  }
}
