import { describe, expect, it } from 'vitest';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { readCrisisText } from '../../src/calm/crisis-text.js';

// Regional forms are read as the standard ones, so every concept rule applies to them (src/calm/crisis-dialect.ts).
const rules = new CrisisDetector({}, null);

describe('crisis check: dialect, regional English and English hard negatives', () => {
  it('reads Cantonese and Sichuan function words as standard Mandarin, leaving 關係 alone', () => {
    expect(readCrisisText('我真係唔想生存落去').han).toBe('我真是不想生存下去');
    expect(readCrisisText('冇咗我佢哋會好過啲').han).toBe('没了我他们会好过些');
    expect(readCrisisText('莫得意思，活起莫得意思').han).toBe('没意思,活着没意思');
    expect(readCrisisText('冇關係，唔該晒').han).toBe('没关系,谢谢晒');
  });

  it('reads Malaysian English particles and "tahan ... already" as the rules expect', () => {
    expect(readCrisisText('cannot tahan already lah').latin).toBe(' can not take it anymore ');
    expect(readCrisisText('i no more reason to live already').latin).toBe(' i no reason to live anymore ');
  });

  it.each(['我真係唔想生存落去', '活唔落去了，真的好攰', '做人冇意思，唔想再醒返嚟', '莫得意思，活起莫得意思', '冇人會掛住我嘅', '我喺天台度，風好大', 'cannot take it anymore lah i just want to disappear', "i don't feel like living anymore yaar"])(
    'the rules alone catch "%s"',
    (text) => {
      expect(rules.assessByRules(text).kind).toBe('self');
    },
  );

  it.each([
    '唔该晒，今日真係好攰',
    '咁多單做唔晒，攰到死',
    'cannot tahan this customer lah, so sien',
    'need a break so bad, thinking of taking leave next week',
    'want to just lie down and not wake up till monday lah',
    'customer said he will burn the store down in his review, so dramatic',
  ])('the rules leave "%s" ordinary', (text) => {
    expect(rules.assessByRules(text).kind).toBe('none');
  });

  it('explains a job not wanted anymore away, so the model is not asked about it', () => {
    expect(rules.readByRules("i don't want to do this shift anymore, can someone swap with me").asksModel).toBe(false);
    expect(rules.readByRules('i do not want to be here anymore').finding.kind).toBe('self');
    // Away from an occasion or on leave is ordinary; away from life is not explained away.
    expect(rules.readByRules("i don't think i'll be here for the christmas party, visiting family").asksModel).toBe(false);
    expect(rules.readByRules('i will not be here for christmas').finding.kind).toBe('self');
    expect(rules.readByRules('i am taking a break from life').asksModel).toBe(true);
  });
});
