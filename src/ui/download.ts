/**
 * How long the object URL of a download lives after the click. Revoking it in the same task as the
 * click can cancel the download in some engines (Firefox, older Safari); by a second later the
 * browser has taken the blob.
 */
export const REVOKE_DELAY_MS = 1000;

/**
 * Saves `blob` as `filename` through a temporary `<a download>`, placed in `container` for
 * the click (a link in the element's own shadow root keeps the page's DOM untouched), then removes
 * the link and revokes its object URL after `REVOKE_DELAY_MS`.
 */
export function downloadBlob(blob: Blob, filename: string, container: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}
