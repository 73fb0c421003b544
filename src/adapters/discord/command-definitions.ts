import type { Command } from '../../core/command.js';
import { messagesFor } from '../../i18n/index.js';

export const TEXT_OPTION = 'text';

/** Application-command JSON for Discord's API: one per command, with a free-text option and localised descriptions. */
export function discordCommandDefinitions(commands: readonly Command<any>[]) {
  return commands.map((command) => ({
    name: command.name,
    type: 1,
    description: command.summary(messagesFor('en')).slice(0, 100),
    description_localizations: {
      'zh-CN': command.summary(messagesFor('zh-CN')).slice(0, 100),
      'zh-TW': command.summary(messagesFor('zh-TW')).slice(0, 100),
    },
    options: [
      {
        type: 3,
        name: TEXT_OPTION,
        description: command.argument(messagesFor('en')).slice(0, 100),
        description_localizations: {
          'zh-CN': command.argument(messagesFor('zh-CN')).slice(0, 100),
          'zh-TW': command.argument(messagesFor('zh-TW')).slice(0, 100),
        },
        required: false,
        autocomplete: command.suggest !== undefined,
      },
    ],
  }));
}
