import { datasetDownload, errorResponse } from "../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    return datasetDownload((await params).file, new URL(request.url).searchParams);
  } catch (err) {
    return errorResponse(err);
  }
}
