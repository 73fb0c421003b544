/** Every user-facing string in English. zh-CN mirrors this shape; zh-TW is derived from zh-CN. */
export const en = {
  common: {
    /** Name of a command's free-text option where platforms show one (Discord). */
    textOption: 'text',
    internalError: 'Something went wrong on our side and nothing was changed. Please try again in a moment; if it keeps happening, tell your team lead.',
    unknownCommand: (name: string, known: string) => `There is no /${name} command. Try one of: ${known}.`,
  },
  home: {
    title: 'Frontline',
    intro: 'Private help for hard calls. What you type to the bot and what it answers are seen only by you.',
    command: (name: string, summary: string) => `/${name} · ${summary}`,
  },
  script: {
    summary: 'Get the approved script for a hard case, or check a draft reply',
    argument: 'A few words, what the customer said, or check <your draft>',
    /** The command's name in clients using this language (Discord); lower case, no spaces. */
    localName: 'script',
    labels: {
      appliesWhen: 'When it applies',
      goal: 'Goal',
      steps: 'Steps',
      say: 'Say',
      neverSay: 'Never say',
      escalate: 'Escalate',
      legal: 'Legal note',
    },
    approval: (by: string, on: string, version: number) => `Approved by ${by} on ${on} · version ${version}`,
    dueForReview: (reviewBy: string) => `Due for review since ${reviewBy}. Still the approved text; ask your lead to have it reviewed.`,
    fallbackLocale: 'No version in your language yet; showing the closest one.',
    alternatesLabel: 'Not quite? Also close',
    alternateButton: (title: string) => title,
    browseTitle: 'Scripts for hard cases',
    browseHint: 'Type /script and a few words, or paste what the customer said, e.g. /script unlimited throttled. Check a draft reply with /script check <your draft>.',
    noMatchTitle: 'No approved script matches that',
    noMatch: (query: string) => `Nothing matched "${query}". Try two or three key words (e.g. /script data overage, /script refund after closing), paste the customer's own words, or type /script to see every case.`,
    tooLong: (max: number) => `That is longer than ${max} characters. Paste the key sentence the customer said, or a few words.`,
    notFound: (id: string) => `There is no approved script "${id}" any more; it may have been retired. Type /script to see the current list.`,
    checkUsage: 'Paste your draft after the word check, e.g. /script check Sorry for the wait, you must restart the router.',
    checkClean: 'No banned or non-standard phrases found. Read it once more aloud before you send it.',
    checkTitle: (count: number) => (count === 1 ? '1 phrase to change' : `${count} phrases to change`),
    checkBanned: 'banned',
    checkNonstandard: 'avoid',
    checkTry: 'Try',
  },
  console: {
    banner: (cases: number) => `frontline-bot console · ${cases} approved scripts loaded. Type /script <words>, /script check <draft>, /help, or /quit.`,
    platformsHint: 'To serve Slack or Discord, set SLACK_BOT_TOKEN + SLACK_APP_TOKEN or DISCORD_TOKEN + DISCORD_APPLICATION_ID (see .env.example); this console keeps working beside them.',
    notACommand: 'Commands start with a slash, e.g. /script 限速. Type /help for the list.',
    help: (lines: string) => `Commands:\n${lines}\n  /locale zh-CN|zh-TW|en  switch the console's language\n  /quit                   leave`,
    localeSet: (locale: string) => `Language set to ${locale}.`,
    localeUsage: 'Use /locale zh-CN, /locale zh-TW or /locale en.',
    bye: 'Bye. Good shift.',
  },
};

export type Messages = typeof en;
