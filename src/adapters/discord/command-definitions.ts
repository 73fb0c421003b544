import type { CommandDescription } from '../../core/command.js';
import { messagesFor, type Messages } from '../../i18n/index.js';
import { discordLocalNames } from './command-names.js';

export const TEXT_OPTION = 'text';

/** Application-command JSON for Discord's API: one per command, with a free-text option and localised descriptions. */
export function discordCommandDefinitions(commands: readonly CommandDescription[]) {
  const zhCN = messagesFor('zh-CN');
  const zhTW = messagesFor('zh-TW');
  return commands.map((command) => ({
    name: command.name,
    name_localizations: { 'zh-CN': localName(command.name, zhCN), 'zh-TW': localName(command.name, zhTW) },
    type: 1,
    description: command.summary(messagesFor('en')).slice(0, 100),
    description_localizations: {
      'zh-CN': command.summary(zhCN).slice(0, 100),
      'zh-TW': command.summary(zhTW).slice(0, 100),
    },
    options: [
      {
        type: 3,
        name: TEXT_OPTION,
        name_localizations: { 'zh-CN': zhCN.common.textOption, 'zh-TW': zhTW.common.textOption },
        description: command.argument(messagesFor('en')).slice(0, 100),
        description_localizations: {
          'zh-CN': command.argument(zhCN).slice(0, 100),
          'zh-TW': command.argument(zhTW).slice(0, 100),
        },
        required: false,
        autocomplete: command.suggests === true,
      },
    ],
  }));
}

/** The command's name in that language where Discord's table has one, else its own. */
function localName(name: string, m: Messages): string {
  return discordLocalNames[name]?.(m) ?? name;
}
