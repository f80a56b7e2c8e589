const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatTime = (ms: number): string => timeFormat.format(ms);
export const formatDateTime = (ms: number): string => dateTimeFormat.format(ms);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const endpointUrl = (receiverUrl: string, endpointToken: string): string =>
  `${receiverUrl.replace(/\/+$/, '')}/in/${endpointToken}`;
