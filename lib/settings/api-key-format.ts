/** A Twelve Data key as the provider issues them: 16-64 letters and digits (empty: none). */
export function isPlausibleApiKey(key: string): boolean {
  return key === '' || /^[A-Za-z0-9]{16,64}$/.test(key);
}
