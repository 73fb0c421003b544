import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { toDiscordMessages } from '../../src/adapters/discord/embeds.js';
import { toSlackMessages } from '../../src/adapters/slack/block-kit.js';
import { blankFillIns, splitFillIns } from '../../src/core/fill-ins.js';
import type { Reply } from '../../src/core/reply.js';

const say = (lines: string[], fillIns = true): Reply => ({
  title: 'Late follow-up',
  private: true,
  blocks: [{ type: 'quote', label: 'Say', lines, fillIns }],
});

describe('fill-ins in say-lines', () => {
  it('splits a line into text and fill-ins, in both languages', () => {
    expect(splitFillIns('I will call you by [reply time], [your name] speaking.')).toEqual([
      { text: 'I will call you by ', fillIn: false },
      { text: 'reply time', fillIn: true },
      { text: ', ', fillIn: false },
      { text: 'your name', fillIn: true },
      { text: ' speaking.', fillIn: false },
    ]);
    expect(splitFillIns('我在[答复时间]前回电')).toEqual([
      { text: '我在', fillIn: false },
      { text: '答复时间', fillIn: true },
      { text: '前回电', fillIn: false },
    ]);
    expect(blankFillIns('by [reply time].')).toBe('by             .');
  });

  it('does not treat markup or empty brackets as a fill-in', () => {
    expect(splitFillIns('see [](x) and [*bold*] and [<@U1>]').every((s) => !s.fillIn)).toBe(true);
  });

  it('console: marks each fill-in with ⟦ ⟧', () => {
    expect(renderText(say(['我会在[答复时间]前给您回电。']))).toContain('> 我会在⟦答复时间⟧前给您回电。');
    expect(renderText(say(['Call by [reply time].'], false))).toContain('> Call by [reply time].');
  });

  it('Slack: shows each fill-in as code, with zero-width boundaries so it renders inside Chinese', () => {
    const section = toSlackMessages(say(['我会在[答复时间]前回电 <!here>', 'Call by [reply time] & wait']))[0]!.blocks[1];
    expect(section).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Say*\n>我会在\u200b`[答复时间]`\u200b前回电 &lt;!here&gt;\n>Call by \u200b`[reply time]`\u200b &amp; wait' },
    });
  });

  it('Discord: shows each fill-in in bold', () => {
    const field = toDiscordMessages(say(['我会在[答复时间]前回电', 'Call by [reply time].']))[0]!.embeds[0]!.fields[0]!;
    expect(field.value).toBe('> 我会在**[答复时间]**前回电\n> Call by **[reply time]**.');
  });
});
