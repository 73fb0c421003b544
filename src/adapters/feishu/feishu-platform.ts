import { FULL_CHAT, type AddressBook, type Capabilities } from '../../core/platform.js';

/** Feishu's (and Lark's) platform name, as stored with promises and registered at wiring time. */
export const FEISHU = 'feishu';

/** Cards with buttons and forms, PATCH edits, ephemeral cards in groups, DMs by open_id. */
export const feishuCapabilities: Capabilities = FULL_CHAT;

/** People are open_ids (ou_…), places group chats (oc_…): ids of this app, as LEAD_IDS and FEISHU_LEADS_CHAT_ID hold them. */
export const feishuAddresses: AddressBook = {
  platform: FEISHU,
  person: (raw) => (/^ou_[A-Za-z0-9]+$/.test(raw) ? raw : undefined),
  place: (raw) => (/^oc_[A-Za-z0-9]+$/.test(raw) ? raw : undefined),
};
