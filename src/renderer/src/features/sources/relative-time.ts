/** "just now", "5 min ago", "3 h ago", "2 d ago": enough for a list's at-a-glance status. */
export const relativeTime = (ms: number, now: number): string => {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
};
