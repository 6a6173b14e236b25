/** A folder-safe form of a case name: `Contoso BEC – March` → `contoso-bec-march`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * The folder the create form proposes: `<defaultCasesDir>/<slug>`, joined with the separator the
 * default folder already uses, so Windows paths keep their backslashes.
 */
export function suggestCaseDir(defaultCasesDir: string, name: string): string {
  const slug = slugify(name);
  if (!slug) return '';
  const separator = defaultCasesDir.includes('\\') && !defaultCasesDir.includes('/') ? '\\' : '/';
  const base = defaultCasesDir.replace(/[\\/]+$/, '');
  return `${base}${separator}${slug}`;
}
