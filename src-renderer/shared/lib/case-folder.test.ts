import { describe, expect, it } from 'vitest';
import { slugify, suggestCaseDir } from './case-folder.js';

describe('case folder suggestion', () => {
  it('slugs names to lower-case ASCII words joined by dashes', () => {
    expect(slugify('  Contoso BEC – März 2025! ')).toBe('contoso-bec-marz-2025');
    expect(slugify('***')).toBe('');
    expect(slugify('a'.repeat(70) + ' b')).toHaveLength(64);
  });

  it('joins with the separator the default folder uses', () => {
    expect(suggestCaseDir('/home/ir/Cirrus Cases/', 'Fabrikam Takeover')).toBe('/home/ir/Cirrus Cases/fabrikam-takeover');
    expect(suggestCaseDir('C:\\Users\\ir\\Cirrus Cases', 'Fabrikam')).toBe('C:\\Users\\ir\\Cirrus Cases\\fabrikam');
    expect(suggestCaseDir('/cases', '  ')).toBe('');
  });
});
