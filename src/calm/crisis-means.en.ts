import type { CrisisRule } from './crisis-rule.js';

/**
 * Means at hand, said without a word of death: sitting with a gun after a call, the engine running in a closed
 * garage, stocking up on a painkiller with no pain, burning one's own skin. Round 10, from two fresh writers'
 * sets (holdout3, holdout4) once they were spent as blind sets.
 */
export const EN_MEANS: readonly CrisisRule[] = [
  {
    // "got my daddy's old revolver out the truck tonight, just sittin here with it", "headed out with the shotgun".
    id: 'sitting-with-a-gun',
    unless: /\b(?:range|hunting|hunt|season|deer|duck|clay|clays|pigeons?|licen[cs]e|safety course|cleaning kit|gun show)\b/,
    pattern:
      /\b(?:got|took|get|getting|taking|pulled|brought|bringing|loaded|loading|holding|have|had) (?:out )?(?:my |the |a |his |dad |daddy |dads |daddys |grandpa |grandad |old |loaded )*(?:gun|revolver|pistol|rifle|shotgun|handgun|firearm)\b(?: [a-z]+){0,12} (?:sitting|sittin|sat|just sitting|here) (?:here )?with (?:it|him)\b|\b(?:sitting|sittin|sat|lying|laying) (?:here |in (?:the|my) (?:car|truck|room|dark) )?with (?:my |the |a |his |dad |daddy |an? )?(?:old |loaded )?(?:gun|revolver|pistol|rifle|shotgun|handgun)\b|\b(?:headed|heading|going|driving|drove) (?:out )?(?:to|into) (?:the )?[a-z]+(?: [a-z]+)? (?:tonight |alone )?with (?:the|my|a) (?:gun|revolver|pistol|rifle|shotgun)\b|\b(?:gun|revolver|pistol|shotgun|rifle) (?:in my (?:lap|mouth|hand)|to my head|under my chin)\b/,
  },
  {
    // "in the car in the garage with the engine running", "hose from the exhaust".
    id: 'engine-running-closed-in',
    pattern:
      /\b(?:in|inside) (?:the|my) (?:car|truck|van) (?:in|inside) (?:the|my) (?:garage|shed|lock up)(?: [a-z]+){0,3} (?:with )?(?:the )?engine (?:running|on|going)\b|\b(?:garage|shed) (?:door )?(?:shut|closed)(?: [a-z]+){0,4} engine (?:running|on)\b|\bhose (?:from|to|on|onto|into) (?:the )?exhaust\b/,
  },
  {
    // "bought a second bottle of tylenol today. i dont have a headache".
    id: 'painkillers-without-pain',
    pattern:
      /\b(?:bought|buying|got|picked up|getting) (?:a |an )?(?:second|third|another|extra|more|two|three|few|couple of|bunch of)(?: [a-z]+)? (?:bottles?|boxes|box|packs?|packets?) of (?:tylenol|paracetamol|panadol|ibuprofen|advil|aspirin|sleeping pills|pills|tablets|painkillers)\b(?=[\s\S]*\b(?:i do not have|i have not got|i am not in|not for) (?:a |any )?(?:headache|pain|fever|cold|migraine|toothache)\b)/,
  },
  {
    // "burned my arm with the lighter again on break", "burning my wrist with a cigarette".
    id: 'burned-myself-with',
    pattern:
      /\b(?:burned|burnt|burning|burn|scalded|scalding) (?:my|myself on my) (?:own )?(?:hand|hands|arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|palm|stomach|fingers?) (?:with|on) (?:a |the |my )?(?:lighter|cigarette|ciggie|match|matches|iron|lighter flame|candle|hot spoon|kettle)\b(?! (?:by accident|accidentally|by mistake|cooking|making))/,
  },
];
