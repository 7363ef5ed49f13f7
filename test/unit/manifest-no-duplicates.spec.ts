/**
 * package.json lists each command once and each menu entry once: several helpers adding explorer commands at the
 * same time left Sort By…, Preview Record and Find Record… in twice, which draws two identical inline buttons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, object[]> };
};

const repeated = (keys: string[]) => keys.filter((key, index) => keys.indexOf(key) !== index);

describe('the manifest', () => {
  it('contributes each command once', () => {
    expect(repeated(manifest.contributes.commands.map((entry) => entry.command))).toEqual([]);
  });

  it('lists each menu entry once per menu', () => {
    const twice = Object.entries(manifest.contributes.menus).flatMap(([menu, entries]) => repeated(entries.map((entry) => JSON.stringify(entry))).map((entry) => `${menu}: ${entry}`));
    expect(twice).toEqual([]);
  });
});
