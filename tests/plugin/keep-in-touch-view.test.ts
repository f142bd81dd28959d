// @vitest-environment happy-dom
/**
 * The keep-in-touch side of the stale view through the double: its sections (Due,
 * Drifting, Follow-ups, Everyone) fed by the person index from tasks and logs anywhere in
 * the vault, cadence by tag from the settings, and selection with bulk actions (click,
 * shift-click, select all; confirmation above 20; one undo step). Driven as a user would.
 */
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/core/dates/iso-date';
import { fileAt, text } from '../obsidian-double/harness';
import { $, $$, buttonByText, enter, openStaleView, settle, startPlugin, until } from './helpers';

const TODAY = localIsoDate(new Date());
const ago = (days: number) => addDays(TODAY, -days);
const note = (name: string, fm: string, body = '') =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/\W+/g, '-')}\n${fm}\n---\n\n## Interactions\n\n${body}`;
const log = (...daysAgo: number[]) => daysAgo.map((d) => `- ${ago(d)} · call\n`).join('');

const VAULT = {
  'People/Ann Lee.md': note('Ann Lee', `trust: 5\nlast-contact: ${ago(120)}\ncompany: Acme`),
  'People/Bo Kim.md': note('Bo Kim', `trust: 2\ncompany: Globex\ntags:\n  - mentor`, log(100, 120, 140, 160, 180)),
  'People/Cy Fox.md': note('Cy Fox', `trust: 3\nlast-contact: ${ago(10)}`),
  'People/Di Ray.md': note('Di Ray', `trust: 2\nlast-contact: ${ago(5)}`),
  'Projects/Launch.md': `# Launch\n\n- [ ] Send [[Cy Fox]] the deck ➕ ${ago(20)}\n- [ ] Intro [[Di Ray]] to the team ➕ ${ago(3)}\n\n\`\`\`\n- [ ] [[Ann Lee]] in code\n\`\`\`\n> - [ ] [[Ann Lee]] quoted\n- [ ] See ![[Ann Lee]]\n`,
};

const rowNames = () => $$('.ncrm-stale-row .ncrm-stale-name').map((a) => a.textContent);
const tab = (label: string) => $$('.ncrm-tab').find((t) => t.querySelector('.ncrm-tab-label')?.textContent === label)!;
const row = (path: string) => $(`.ncrm-stale-row[data-path="${path}"]`);

describe('keep-in-touch sections', () => {
  it('shows Due, Drifting, Follow-ups and Everyone with their counts and reasons', async () => {
    const { app } = await startPlugin(VAULT);
    await openStaleView(app);
    expect($$('.ncrm-tab').map((t) => t.textContent)).toEqual(['Due1', 'Drifting1', 'Follow-ups2', 'Everyone4']);
    expect(rowNames()).toEqual(['Ann Lee']);

    tab('Drifting').click();
    expect(rowNames()).toEqual(['Bo Kim']);
    expect($('.ncrm-stale-why', row('People/Bo Kim.md')).textContent).toBe(
      'usually every 3 weeks; silent for 3 months · every 365 days, as Met',
    );
    expect($('.ncrm-status', row('People/Bo Kim.md')).textContent).toBe('drifting');

    tab('Follow-ups').click();
    // Oldest first; links in code, quotes and embeds are not follow-ups.
    expect(rowNames()).toEqual(['Cy Fox', 'Di Ray']);
    expect($('.ncrm-stale-why', row('People/Cy Fox.md')).textContent).toBe(
      '☐ Send Cy Fox the deck · open 3 weeks · every 120 days, as Know well',
    );
    tab('Everyone').click();
    expect(rowNames()).toEqual(['Ann Lee', 'Bo Kim', 'Cy Fox', 'Di Ray']);
    expect($('.ncrm-stale-count').textContent).toBe('4 people');
  });

  it('takes a completed follow-up as contact on its date, and follows edits to the task note', async () => {
    const { app, plugin } = await startPlugin(VAULT);
    await openStaleView(app);
    await app.vault.process(fileAt(app, 'Projects/Launch.md'), (t) =>
      t.replace('- [ ] Send [[Cy Fox]] the deck', `- [x] Send [[Cy Fox]] the deck ✅ ${ago(1)}`),
    );
    await settle(app);
    expect(plugin.index.lastContact('People/Cy Fox.md')).toEqual({ date: ago(1), source: 'follow-up' });
    tab('Follow-ups').click();
    expect(rowNames()).toEqual(['Di Ray']);
    // A new task in a daily note links Ann: she gets a follow-up, and the daily note is not a contact.
    await app.vault.create(`${TODAY}.md`, '- [ ] Call [[Ann Lee]] about the launch\n');
    await settle(app);
    expect(rowNames()).toEqual(['Di Ray', 'Ann Lee']); // Di's task is 3 days old, Ann's from today
    expect(plugin.index.get('People/Ann Lee.md')?.dailyDates).toEqual([]);
    await app.vault.modify(fileAt(app, `${TODAY}.md`), 'Lunch with [[Ann Lee]]\n');
    await settle(app);
    expect(plugin.index.get('People/Ann Lee.md')?.dailyDates).toEqual([TODAY]);
  });

  it('applies cadence by tag from the settings, and says so on the row', async () => {
    const { app, plugin } = await startPlugin(VAULT, { tagCadences: [{ tag: 'mentor', days: 60 }] });
    await openStaleView(app);
    expect(rowNames()).toEqual(['Ann Lee', 'Bo Kim']);
    expect($('.ncrm-stale-why', row('People/Bo Kim.md')).textContent).toBe(
      'every 60 days, as #mentor · usually every 3 weeks; silent for 3 months',
    );
    plugin.settings.tagCadences = [];
    await plugin.saveSettings();
    await settle(app);
    expect(rowNames()).toEqual(['Ann Lee']);
  });
});

describe('birthdays and meetings in the stale view', () => {
  it('shows "Birthdays this week" with a one-click "wished happy birthday", and "met 3 times since …"', async () => {
    const soon = addDays(TODAY, 2);
    const { app } = await startPlugin({
      ...VAULT,
      'People/Eve Birthday.md': note(
        'Eve Birthday',
        `trust: 2\nlast-contact: ${ago(30)}\nbirthday: --${soon.slice(5)}`,
      ),
      'People/Old Birthday.md': note('Old Birthday', `trust: 2\nbirthday: --${addDays(TODAY, 9).slice(5)}`),
      'People/Met Often.md': note(
        'Met Often',
        `trust: 5\nlast-contact: ${ago(40)}`,
        `- ${ago(40)} · meeting · standup\n- ${ago(60)} · meeting · lunch\n- ${ago(80)} · meeting · intro\n- ${ago(300)} · meeting · old\n`,
      ),
    });
    await openStaleView(app);
    expect($('.ncrm-birthdays-title').textContent).toBe('Birthdays this week');
    expect($$('.ncrm-birthday .ncrm-stale-name').map((e) => e.textContent)).toEqual(['Eve Birthday']);
    const contact = $('.ncrm-stale-contact', row('People/Met Often.md')).textContent ?? '';
    expect(contact).toMatch(/^last contact 6 weeks ago · via log · met 3 times since \w+/);
    $('.ncrm-birthday [data-action="wish"]').click();
    await settle(app);
    expect(text(app, 'People/Eve Birthday.md')).toContain(
      `## Interactions\n\n- ${TODAY} · message · wished happy birthday\n`,
    );
    expect($('.ncrm-birthday [data-action="wish"]').getAttribute('aria-label')).toBe('In touch today');
  });
});

/** 25 overdue people, A00 … A24, for selection and confirmation. */
const MANY = Object.fromEntries(
  Array.from({ length: 25 }, (_, i) => {
    const name = `A${String(i).padStart(2, '0')}`;
    return [`People/${name}.md`, note(name, `trust: 5\nlast-contact: ${ago(200 + i)}\ntags:\n  - person`)];
  }),
);

describe('selection and bulk actions', () => {
  it('selects with click and shift-click, and sets trust on the selection as one undo step', async () => {
    const { app, plugin } = await startPlugin(MANY);
    const view = await openStaleView(app);
    expect(rowNames().slice(0, 3)).toEqual(['A24', 'A23', 'A22']);
    $('.ncrm-stale-row[data-index="0"] .ncrm-stale-detail').click();
    $('.ncrm-stale-row[data-index="3"]').dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true }));
    expect(view.selection().map((p) => p.name)).toEqual(['A24', 'A23', 'A22', 'A21']);
    expect($('.ncrm-bulk-count').textContent).toBe('4 selected');
    expect(($('.ncrm-select-all input') as HTMLInputElement).indeterminate).toBe(true);
    // The row's box toggles it again.
    ($('.ncrm-stale-row[data-index="1"] .ncrm-row-select') as HTMLInputElement).click();
    expect(view.selection().map((p) => p.name)).toEqual(['A24', 'A22', 'A21']);

    $('[data-bulk="trust"]').click();
    const levels = await until(() => $$('.suggestion-item').length === 5 && $$('.suggestion-item'), 'levels');
    levels[1]!.click(); // 4 · Trusted (the list is 5 … 1)
    await settle(app);
    for (const name of ['A24', 'A22', 'A21']) expect(text(app, `People/${name}.md`)).toContain('trust: 4');
    expect(text(app, 'People/A23.md')).toContain('trust: 5');
    expect($('.ncrm-bulk-bar').classList.contains('ncrm-hidden')).toBe(true);
    expect(plugin.undo.size).toBe(1);
    expect(plugin.undo.peek()?.label).toBe('set trust of 3 people to Trusted');
    await plugin.undo.undo();
    for (const name of ['A24', 'A22', 'A21']) expect(text(app, `People/${name}.md`)).toContain('trust: 5');
  });

  it('asks before changing more than 20 people; Cancel writes nothing, confirming writes all as one step', async () => {
    const { app, plugin } = await startPlugin(MANY);
    const view = await openStaleView(app);
    enter($('.ncrm-select-all input') as HTMLInputElement, 'on', 'change');
    expect(view.selection()).toHaveLength(25);
    $('[data-bulk="log"]').click();
    await until(() => document.querySelector('.ncrm-confirm-modal'), 'confirmation');
    expect($('.ncrm-confirm-modal .modal-title').textContent).toBe('Log contact today with 25 people?');
    expect(
      $$('.ncrm-confirm-modal li')
        .map((li) => li.textContent)
        .at(-1),
    ).toBe('and 17 more');
    buttonByText('Cancel', $('.ncrm-confirm-modal')).click();
    await settle(app);
    expect(Object.keys(MANY).every((p) => !text(app, p).includes(`last-contact: ${TODAY}`))).toBe(true);

    $('[data-bulk="log"]').click();
    buttonByText(
      'Log contact today with 25 people',
      await until(() => document.querySelector<HTMLElement>('.ncrm-confirm-modal'), 'modal'),
    ).click();
    expect(rowNames()).toEqual([]); // the rows go at once
    await settle(app);
    for (const p of Object.keys(MANY)) {
      expect(text(app, p)).toContain(`last-contact: ${TODAY}`);
      expect(text(app, p)).toContain(`## Interactions\n\n- ${TODAY} · other\n`);
    }
    expect(plugin.undo.size).toBe(1);
    await plugin.undo.undo();
    await settle(app);
    expect(Object.keys(MANY).every((p) => !text(app, p).includes(TODAY))).toBe(true);
    expect(view.listed()).toHaveLength(25);
  });

  it('a bulk action cancelled part-way shows again the people it never reached', async () => {
    const sixty = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => {
        const name = `B${String(i).padStart(2, '0')}`;
        return [`People/${name}.md`, note(name, `trust: 5\nlast-contact: ${ago(200 + i)}`)];
      }),
    );
    const { app, plugin } = await startPlugin(sixty);
    const view = await openStaleView(app);
    enter($('.ncrm-select-all input') as HTMLInputElement, 'on', 'change');
    // Cancel from the progress notice once the first notes are written.
    let modified = 0;
    app.vault.on('modify', () => {
      if (++modified === 5) $('.ncrm-progress-cancel').click();
    });
    $('[data-bulk="log"]').click();
    buttonByText(
      'Log contact today with 60 people',
      await until(() => document.querySelector<HTMLElement>('.ncrm-confirm-modal'), 'modal'),
    ).click();
    const logged = () => Object.keys(sixty).filter((p) => text(app, p).includes(`last-contact: ${TODAY}`));
    await settle(app);
    const done = logged();
    expect(done.length).toBeLessThan(60);
    // Everyone the action did not reach is listed again; those it logged have left the Due list.
    expect(
      view
        .listed()
        .map((s) => s.person.path)
        .sort(),
    ).toEqual(
      Object.keys(sixty)
        .filter((p) => !done.includes(p))
        .sort(),
    );
    // Undo names the people it will put back, not the 60 the action set out to change.
    expect(plugin.undo.peek()?.label).toBe(`log contact today with ${done.length} people`);
    await plugin.undo.undo();
    expect(logged()).toEqual([]);
  });

  it('adds and removes a tag, sets a cadence, snoozes and stops tracking the selection', async () => {
    const { app, plugin } = await startPlugin(MANY);
    await openStaleView(app);
    const selectFirst = (n: number) => {
      $('.ncrm-stale-row[data-index="0"] .ncrm-stale-detail').click();
      if (n > 1)
        $(`.ncrm-stale-row[data-index="${n - 1}"]`).dispatchEvent(
          new MouseEvent('click', { shiftKey: true, bubbles: true }),
        );
    };
    // The writes start after the dialog closes: wait for them, then for the index to tell the view.
    const written = async () => {
      await settle(app);
      plugin.index.flushNotifications();
    };
    const answer = async (value: string) => {
      const input = await until(() => document.querySelector<HTMLInputElement>('.ncrm-text-input'), 'input');
      enter(input, value);
      buttonByText('Apply').click();
      await written();
    };
    selectFirst(2);
    $('[data-bulk="tag"]').click();
    await answer('two words');
    expect($('.ncrm-form-modal .ncrm-error').textContent).toBe(
      '"two words" is not a tag (one word, no spaces or commas)',
    );
    await answer('#family');
    expect(text(app, 'People/A24.md')).toContain('tags:\n  - person\n  - family\n');
    expect(text(app, 'People/A23.md')).toContain('  - family\n');

    selectFirst(1);
    $('[data-bulk="untag"]').click();
    // The person tag marks person notes: removing it is refused, and the note keeps it.
    await answer('#person');
    expect($('.ncrm-form-modal .ncrm-error').textContent).toBe(
      '#person marks person notes: removing it would take them out of Network CRM',
    );
    expect(text(app, 'People/A24.md')).toContain('  - person\n');
    await answer('family');
    expect(text(app, 'People/A24.md')).not.toContain('family');
    expect(text(app, 'People/A23.md')).toContain('family');

    selectFirst(1);
    $('[data-bulk="cadence"]').click();
    await answer('-3');
    expect($('.ncrm-form-modal .ncrm-error').textContent).toBe('Enter a whole number of days, 0 or more.');
    await answer('400');
    expect(text(app, 'People/A24.md')).toContain('cadence: 400');
    expect(rowNames()).not.toContain('A24'); // every 400 days: no longer due

    selectFirst(2);
    $('[data-bulk="snooze"]').click();
    $$('.menu .menu-item')[0]!.click(); // 1 week
    await written();
    expect(text(app, 'People/A23.md')).toContain(`snooze-until: ${addDays(TODAY, 7)}`);

    selectFirst(1);
    $('[data-bulk="stop"]').click();
    await written();
    expect(text(app, 'People/A21.md')).toContain('cadence: 0');
    expect(rowNames()).not.toContain('A21');
  });

  it('clears the selection when the section or the search changes', async () => {
    const { app } = await startPlugin(MANY);
    const view = await openStaleView(app);
    enter($('.ncrm-select-all input') as HTMLInputElement, 'on', 'change');
    enter($('.ncrm-stale-search') as HTMLInputElement, 'A1');
    expect(view.selection()).toEqual([]);
    enter($('.ncrm-select-all input') as HTMLInputElement, 'on', 'change');
    expect(view.selection().map((p) => p.name)).toEqual([
      'A19',
      'A18',
      'A17',
      'A16',
      'A15',
      'A14',
      'A13',
      'A12',
      'A11',
      'A10',
    ]);
    tab('Everyone').click();
    expect(view.selection()).toEqual([]);
  });
});
