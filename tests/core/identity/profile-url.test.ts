import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkableProfileUrl, normaliseProfileUrl, safePercentDecode } from '../../../src/core/identity/profile-url';

describe('normaliseProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/bernardreger', 'https://www.linkedin.com/in/bernardreger'],
    [
      'https://www.linkedin.com/in/matej-%C5%A1ari%C4%87-a9a130136',
      'https://www.linkedin.com/in/matej-šarić-a9a130136',
    ],
    ['https://www.linkedin.com/in/matej-šarić-a9a130136', 'https://www.linkedin.com/in/matej-šarić-a9a130136'],
    ['www.linkedin.com/in/robdavidson', 'https://www.linkedin.com/in/robdavidson'],
    ['http://uk.linkedin.com/in/Jane-Doe/?originalSubdomain=uk#top', 'https://www.linkedin.com/in/jane-doe'],
    ['  https://linkedin.com/in/jane-doe/  ', 'https://www.linkedin.com/in/jane-doe'],
    ['<https://www.linkedin.com/in/jane-doe>', 'https://www.linkedin.com/in/jane-doe'],
    ['https://www.linkedin.com/in/bad%E0%A4', 'https://www.linkedin.com/in/bad%e0%a4'],
  ])('%s', (raw, expected) => expect(normaliseProfileUrl(raw)).toBe(expected));

  it.each([
    '',
    '   ',
    'urn:li:member:664293716',
    'https://www.linkedin.com/company/acme',
    'https://evil.com/in/x',
    'https://www.linkedin.com/in/..',
    'not a url',
  ])('rejects %j', (raw) => expect(normaliseProfileUrl(raw)).toBeNull());

  it('treats the percent-encoded (Connections) and decoded (messages) forms as one person', () => {
    const encoded = 'https://www.linkedin.com/in/hasan-%C3%A7ankaya-313063249';
    const decoded = 'https://www.linkedin.com/in/hasan-çankaya-313063249';
    expect(normaliseProfileUrl(encoded)).toBe(normaliseProfileUrl(decoded));
  });

  it('property: idempotent, and encoding differences never change the identity', () => {
    const slug = fc
      .string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-çšéüğø𝓩'.split(/(?:)/u)),
        minLength: 1,
        maxLength: 30,
      })
      .filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(
        slug,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', '/', '?trk=x', '#a'),
        (s, encode, upper, tail) => {
          const raw = `https://www.linkedin.com/in/${encode ? encodeURIComponent(s) : s}${tail}`;
          const once = normaliseProfileUrl(upper ? raw.toUpperCase() : raw);
          expect(once).toBe(`https://www.linkedin.com/in/${s.toLowerCase()}`);
          expect(normaliseProfileUrl(once)).toBe(once);
        },
      ),
    );
  });

  it('property: never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        normaliseProfileUrl(s);
        safePercentDecode(s);
      }),
    );
  });

  it('makes a link destination that cannot break out of a Markdown link', () => {
    expect(linkableProfileUrl('https://www.linkedin.com/in/a) [x](y')).toBe(
      'https://www.linkedin.com/in/a%29%20%5Bx%5D%28y',
    );
  });
});
