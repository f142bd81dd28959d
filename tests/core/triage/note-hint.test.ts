/**
 * Pins the note hints on invitation wordings written for this test (English and French,
 * a few Spanish and German): dozens per class, including the tricky ones a person reading
 * their invitations meets (a pitch that mentions an event, flattery in French, a context
 * note naming a company or a person the vault knows, a meeting followed by a deck link).
 * The hint must also say which words made it, where they are, and what the vault knows.
 */
import { describe, expect, it } from 'vitest';
import { buildHintVocabulary, noteHint, type NoteHint } from '../../../src/core/triage/note-hint';

const vocabulary = buildHintVocabulary({
  metWhere: ['[[Web Summit 2024]]', 'KubeCon 2025', 'université de Lyon'],
  companies: ['Eventrum Nordic', 'Acme Corp', 'Société Générale', 'Freelance', 'Meta'],
  people: ['Maria Lundgren', 'Bo Kim', 'Jean-Pierre Dubois', 'Ann'],
  noteNames: ['Devoxx Paris 2023', 'Welcome', 'Project Falcon', 'Meeting notes'],
});

const hint = (text: string) => noteHint(text, { vocabulary }).hint;

const GENERIC = [
  "Hi Alex, I'd like to join your professional network.",
  "I'd like to add you to my professional network on LinkedIn.",
  'Delighted to connect with such an inspiring leader in the tech space!',
  'Hello, I came across your profile and would love to connect.',
  'Your journey is truly inspiring. Happy to connect!',
  'Hi! I am always looking to expand my network with like-minded professionals.',
  'Great profile! Would be honoured to connect.',
  'We have many mutual connections, let us connect.',
  'Looking forward to staying connected.',
  'Hi Alex, I admire your work in product management.',
  'Impressive background, would be glad to connect with you.',
  'Hello from Brazil! I enjoy connecting with fellow professionals in the same industry.',
  'Hi there',
  'Hello Alex, I am a product designer based in Lyon.',
  'Keen to connect and keep in touch.',
  "I'm growing my network of thought leaders in AI.",
  'I saw your post yesterday, impressive!',
  'Thanks for accepting!',
  'Bonjour Alex, ravie de rejoindre votre réseau ! Votre parcours est vraiment inspirant.',
  'Bonjour, je souhaiterais vous ajouter à mon réseau.',
  'Bonjour, votre profil est impressionnant, au plaisir d’échanger.',
  'Bonsoir, je cherche à élargir mon réseau dans le même secteur.',
  'Je serais ravi de rejoindre ton réseau.',
  'Bonjour Alex, nous avons plusieurs relations en commun, je me permets de vous ajouter.',
  'Votre parcours est remarquable, au plaisir de rester en contact.',
  'Salut ! Ton profil est passionnant.',
  'Bonjour, je souhaite entrer en contact avec vous.',
  'Hola Alex, me gustaría agregarte a mi red profesional.',
  'Hallo Alex, ich würde mich gerne mit Ihnen vernetzen.',
  '👋',
];

const PITCH = [
  'Hi Alex, I help SaaS founders cut their cloud bill by 30%. Open to a quick 15-min call next week? https://calendly.com/cloudcut/intro',
  "Saw you're heading to Web Summit! We give founders free access to our investor-matching platform, sign up here before Friday.",
  'Hi Alex, our platform helps teams ship 3x faster. Would you be open to a quick demo?',
  'We are hiring a VP Engineering, the role is a great fit for your profile.',
  "I'm a recruiter at TalentCo, I have an exciting opportunity to share with you.",
  'Are you raising? We invest in seed-stage B2B startups in Europe.',
  'Let us explore a partnership between our companies, I think there are synergies.',
  'Check out our website at www.growthhackers.io, we deliver 10x ROI on lead generation.',
  'Hi! Quick question: would you be open to a short call about your marketing needs?',
  'Book a demo of our new analytics tool here: bit.ly/analytics-demo',
  'Our agency builds high-converting landing pages. Limited offer this month!',
  'I noticed you lead engineering at Datalune. We provide offshore developers at 40% lower cost.',
  "Congrats on the new role! We help leaders like you grow their personal brand, let me know if you're interested.",
  'Hi Alex, we met at Web Summit 2024. Our platform can double your sales pipeline, book a call: calendly.com/sales',
  'Free webinar on AI for CFOs next Tuesday, register now!',
  'Looking for candidates for a Senior Data Scientist position in Paris, interested?',
  'Join our exclusive founders community, apply here https://founders.club',
  'Hi Alex, we are building a fintech and looking for investors for our pre-seed round.',
  'Bonjour Alex, j’accompagne les dirigeants de PME dans leur transformation digitale. Seriez-vous disponible pour un échange rapide de 15 minutes ?',
  'Bonjour, notre plateforme permet de booster votre prospection. Je vous propose une démo gratuite.',
  'Bonjour, nous recrutons un directeur technique, le poste pourrait vous intéresser.',
  'Bonjour Alex, nous préparons notre levée de fonds et cherchons des investisseurs.',
  'Bonjour, je vous propose un partenariat entre nos deux sociétés.',
  "Bonjour, j'aide les startups à augmenter leur chiffre d'affaires de 30 %.",
  'Bonjour, découvrez notre offre sur https://exemple.fr',
  'Je serais ravi de vous présenter nos solutions de cybersécurité, prenons rendez-vous.',
  'Hola Alex, ofrecemos una solución de pagos, ¿podemos agendar una demo?',
  'Hi, crypto trading signals with 95% accuracy, DM me.',
];

const CONTEXT = [
  'Hi Alex, we met at the Eventrum Nordic booth at Web Summit 2024, I was with Maria Lundgren. Would love to stay in touch!',
  'Great meeting you at KubeCon yesterday, thanks for the chat about service meshes.',
  'Nice to meet you at the meetup last night!',
  'Hi Alex, great to see you at the Acme offsite.',
  'Thanks for the coffee this morning, let us keep in touch.',
  'Great meeting you at the Acme booth yesterday! As discussed, here is the link to our deck: https://x.co/deck',
  'Loved your talk at Devoxx Paris, especially the part about testing.',
  'Bo Kim suggested I reach out to you about the data team.',
  'Hi, Maria Lundgren told me about you, she said you know everything about event tech.',
  'We worked together at Acme Corp back in 2019!',
  'Former colleague from Société Générale here, hope you are well.',
  'Hi Alex, we were classmates at Université de Lyon.',
  'Following up on our conversation at the conference in Lisbon.',
  'Hi Alex, I sat next to you at the Project Falcon kickoff.',
  'We spoke briefly after your keynote at Web Summit.',
  'Alumni of the same program, class of 2015!',
  'Hi Alex, your colleague Ann gave me your name.',
  'Hi! It was a pleasure meeting you at the hackathon.',
  'Bonjour Alex, nous nous sommes rencontrés au salon VivaTech la semaine dernière.',
  'Ravi de vous avoir rencontré hier soir au afterwork de Datalune !',
  "Suite à notre échange d'hier, je me permets de vous ajouter.",
  'Bonjour, on s’est croisés à la conférence de Jean-Pierre Dubois.',
  'Merci pour ton intervention au meetup, c’était top.',
  'Ancienne collègue de chez Société Générale, au plaisir !',
  'Comme convenu, je vous ajoute à mon réseau.',
  'Bonjour, de la part de Bo Kim pour le projet.',
  'Hola Alex, nos conocimos en el Web Summit.',
  'Hallo Alex, wir haben uns auf der KubeCon kennengelernt.',
  'Hi Alex, see you at Web Summit 2024 next week!',
];

describe('note hints', () => {
  const check = (expected: NoteHint, notes: readonly string[]) => {
    const wrong = notes.map((n) => [n, hint(n)]).filter(([, h]) => h !== expected);
    expect(wrong).toEqual([]);
  };

  it(`calls ${GENERIC.length} flattering or boilerplate notes generic`, () => check('generic', GENERIC));
  it(`calls ${PITCH.length} selling, recruiting and fundraising notes pitches, an event or a meeting named or not`, () =>
    check('pitch', PITCH));
  it(`calls ${CONTEXT.length} notes about a meeting or a shared place, company or person context`, () =>
    check('context', CONTEXT));

  it('calls an empty or blank note none, with no words', () => {
    for (const n of ['', '   ', '\n'])
      expect(noteHint(n, { vocabulary })).toEqual({ hint: 'none', words: [], spans: [], inVault: [] });
  });

  it('lists the words that made the hint, as written, with their place for highlighting', () => {
    const text =
      'Hi Alex, I help SaaS founders cut their cloud bill by 30%. Open to a quick 15-min call? https://calendly.com/x';
    const r = noteHint(text, { vocabulary });
    expect(r.words).toEqual(['I help', 'cut their cloud bill', '30%', '15-min call', 'https://calendly.com/x']);
    expect(r.spans.map((s) => text.slice(s.start, s.end))).toEqual(r.words);
    const fr = 'Bonjour Alex, ravie de rejoindre votre réseau ! Votre parcours est vraiment inspirant.';
    expect(noteHint(fr).words).toEqual(['rejoindre votre réseau', 'Votre parcours', 'inspirant']);
  });

  it('names what the vault knows, and is context only because the vault knows it', () => {
    const text = 'Hi Alex, I was with Maria Lundgren from Eventrum Nordic at Web Summit.';
    expect(noteHint(text, { vocabulary })).toMatchObject({
      hint: 'context',
      inVault: ['Maria Lundgren', 'Eventrum Nordic', 'Web Summit 2024'],
    });
    const named = 'Jane here, Bo Kim thought we should talk.';
    expect(noteHint(named).hint).toBe('generic');
    expect(noteHint(named, { vocabulary })).toMatchObject({ hint: 'context', inVault: ['Bo Kim'] });
  });

  it("does not count the sender's own company, one-word names written in lower case, or common note names", () => {
    const own = 'Hi Alex, I am the CTO of Eventrum Nordic.';
    expect(noteHint(own, { vocabulary, own: { company: 'Eventrum Nordic' } }).hint).toBe('generic');
    expect(noteHint('I work freelance and have some meeting notes to share, welcome!', { vocabulary }).inVault).toEqual(
      [],
    );
    expect(noteHint('Hi, the meta question is how to grow.', { vocabulary }).hint).toBe('generic');
  });

  it('reads accents and typographic apostrophes as typed', () => {
    expect(hint('On s’est rencontrés à Lyon.')).toBe('context');
    expect(hint("On s'est rencontres a Lyon.")).toBe('context');
    expect(hint('NOUS NOUS SOMMES RENCONTRÉS AU SALON.')).toBe('context');
  });
});
