import { routeSegment } from "@/app/_lib/url-segment";
import { DownloadError, datasetDownload, errorResponse } from "../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const file = routeSegment((await params).file);
    if (file === null) throw new DownloadError(404, "no such download");
    return datasetDownload(file, new URL(request.url).searchParams);
  } catch (err) {
    return errorResponse(err);
  }
}
