const formats = new Map<string, Intl.NumberFormat>();

/** The one way the server writes an amount for people (in-app, e-mail, Telegram, error messages): "€15.00". */
export function formatMoney(amountMinor: number, currency: string | null | undefined): string {
  if (!currency) return (amountMinor / 100).toFixed(2);
  let format = formats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en', { style: 'currency', currency });
    } catch {
      return `${(amountMinor / 100).toFixed(2)} ${currency}`;
    }
    formats.set(currency, format);
  }
  return format.format(amountMinor / 100);
}
