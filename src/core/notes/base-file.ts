/**
 * `People.base`: an Obsidian Bases table of the person notes, created beside the people
 * folder on the first import so the user gets a sortable spreadsheet of their network
 * without any plugin code running. Written once; the user owns it after that.
 */
import { quoteYamlString } from '../yaml/emit';

export function baseFilePath(peopleFolder: string): string {
  const slash = peopleFolder.lastIndexOf('/');
  const parent = slash === -1 ? '' : peopleFolder.slice(0, slash);
  const name = `${peopleFolder.slice(slash + 1) || 'People'}.base`;
  return parent === '' ? name : `${parent}/${name}`;
}

export function composeBaseFile(peopleFolder: string): string {
  // The filter is an expression string; JSON-style quoting of the folder is valid inside it.
  const filter = `file.inFolder(${JSON.stringify(peopleFolder)})`;
  return [
    'filters:',
    '  and:',
    `    - ${quoteYamlString(filter)}`,
    'properties:',
    '  note.name:',
    '    displayName: Name',
    '  note.met-where:',
    '    displayName: Met where',
    '  note.last-contact:',
    '    displayName: Last contact',
    '  note.connected-on:',
    '    displayName: Connected on',
    'views:',
    '  - type: table',
    '    name: People',
    '    order:',
    '      - file.name',
    '      - name',
    '      - company',
    '      - position',
    '      - trust',
    '      - met-where',
    '      - last-contact',
    '      - connected-on',
    '    sort:',
    '      - property: last-contact',
    '        direction: DESC',
    '',
  ].join('\n');
}
