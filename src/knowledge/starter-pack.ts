/**
 * The scripts shipped with the bot are a starter pack: edited, but not approved by the team
 * that uses them. Their `approvedBy` says so ("frontline-bot starter pack ..."), and every
 * reply shows them as "review before use" rather than as approved, until a lead approves
 * them under their own name.
 */
export function isStarterPack(script: { approvedBy?: string | undefined }): boolean {
  return /starter[ -]pack|入门示例/i.test(script.approvedBy ?? '');
}
