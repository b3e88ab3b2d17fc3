import { api } from './client';

/** An attachment as a blob URL (downloads need the bearer token, so a plain link would not do). */
export async function attachmentUrl(id: string): Promise<{ url: string; type: string; name?: string }> {
  const { data, response } = await api.GET('/api/v1/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw new Error(`attachment ${id}: ${response.status}`);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(disposition)?.[1];
  return { url: URL.createObjectURL(data as Blob), type: (data as Blob).type, name: name ? decodeURIComponent(name) : undefined };
}
