import { api } from './client';

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/**
 * An attachment as a data URL: downloads need the bearer token, so a plain link would
 * not do, and the gateway's Content-Security-Policy allows data: images (not blob:).
 */
export async function attachmentUrl(id: string): Promise<{ url: string; type: string; name?: string }> {
  const { data, response } = await api.GET('/api/v1/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw new Error(`attachment ${id}: ${response.status}`);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(disposition)?.[1];
  return { url: await dataUrl(data as Blob), type: (data as Blob).type, name: name ? decodeURIComponent(name) : undefined };
}
