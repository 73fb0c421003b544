import type { CrisisRule } from './crisis-rule.js';
import { ORDINARY_LEAVING } from './crisis-concepts.en.js';

/**
 * Goodbyes said in the words of the day: "taking my last break ever, it's been real", "won't be checking out" of a
 * hotel room, a PIN sent to a sister "for after", the house sorted "so the kids don't have to", tablets kept "for when
 * I'm ready", "I prepared everything, tonight I go". A job left or a holiday named makes them ordinary.
 */
export const EN_GOODBYES: readonly CrisisRule[] = [
  {
    id: 'last-of-the-day-ever',
    unless: ORDINARY_LEAVING,
    pattern:
      /\bmy last (?:break|shift|call|day|coffee|lunch|smoke|login|queue|chat|ticket) ever\b|\b(?:it has been|it is been|it was|been) real\b(?= \.|\s*$| (?:team|guys|everyone|all|y all|folks|fam|people))/,
  },
  {
    id: 'not-checking-out',
    pattern: /\b(?:will not|not going to|am not going to|never going to) (?:be )?check(?:ing)? out(?= \.|\s*$)/,
  },
  {
    // Things handed over "for after": the PIN, the keys, the passwords.
    id: 'for-after',
    writerOnly: true,
    pattern:
      /\b(?:pins?|passwords?|bank details|keys|savings|cards?|account details|logins?|will|documents|papers)\b(?: [a-z.]+){0,8} (?:it is|they are|that is|this is|these are|it was|they were) for after(?= \.|\s*$| i am gone| i go)/,
  },
  {
    // Clearing things so nobody else has to: "sorting the house out so the kids don't have to".
    id: 'so-they-dont-have-to',
    unless: ORDINARY_LEAVING,
    pattern:
      /\b(?:sorting|sorted|clearing|cleared|tidying|tidied|organising|organizing|organised|organized|packing|packed)(?: [a-z]+){0,4} so (?:the kids|my kids|my family|my wife|my husband|my partner|nobody|no one|they|my parents|my sister|my brother|my son|my daughter) (?:do not|will not|would not|never|does not) (?:have|need) to\b(?= \.|\s*$| (?:do it|deal with it|sort it|clear it|do that)\b)/,
  },
  {
    // Means set by "for when I'm ready": "a few extra tablets every shift, for when i'm ready".
    id: 'means-for-when-ready',
    pattern:
      /\b(?:pills|tablets|meds|painkillers|insulin|morphine|rope|blade|razor|gun|shotgun)\b(?: [a-z.]+){0,10} for when i am (?:ready|done|brave enough|finished)(?= \.|\s*$)/,
  },
  {
    // Everything prepared and a departure set for tonight: "i prepare everything already, tonight i go".
    id: 'prepared-and-going',
    pattern:
      /\b(?:prepared?|prepared|sorted|arranged|ready|organised|organized) (?:everything|it all|all)(?: already)?\b(?: [a-z.]+){0,4} (?:tonight|today|tomorrow|this weekend) i (?:go|will go|am going|leave|will leave|do it|finish)(?= \.|\s*$)/,
  },
  {
    // A refusal extended to all time: "can't do tomorrow. or any day", "won't be reading. or ever", "they won't need me
    // after friday. nobody will", "not planning to get old".
    id: 'or-ever',
    writerOnly: true,
    pattern:
      /\b(?:will not|can not|not going to|am not going to)(?: [a-z]+){1,3}(?: \.)? (?:or|nor) (?:ever|ever again|any day|any other day)(?= \.|\s*$)|\bneed me (?:after [a-z]+|anymore)(?: \.)? (?:nobody|no one)(?: will)?(?= \.|\s*$)|\bnot planning (?:to|on) (?:get(?:ting)? old|grow(?:ing)? old|liv(?:e|ing) (?:long|that long))\b/,
  },
  {
    id: 'secrets-for-family',
    pattern:
      /\b(?:pins?|passwords?|bank details)\b(?: [a-z.]+){0,8} for my (?:sister|brother|mum|mom|dad|wife|husband|partner|family|kids|son|daughter)\b(?: [a-z.]+){0,3} (?:do not ask why|just in case|you will understand|for after)\b|\bwant (?:them|you|him|her|everyone|you all) to know it (?:was not|is not|was never) (?:their|your|his|her|anyone|anybody) fault\b/,
  },
];
