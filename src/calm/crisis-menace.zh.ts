import type { CrisisRule } from './crisis-rule.js';

/**
 * Round 13, from three fresh writers' dev files (dev10–dev12), read on Simplified text without spaces: threats said through
 * being watched (the watcher says so), being described, or what the worker will not walk away from.
 */
export const ZH_MENACE: readonly CrisisRule[] = [
  {
    id: 'watching-from-across',
    pattern:
      /说(?:他|她)?(?:现在|就|一直|正|每天)?(?:坐)?在[^。！？]{0,10}(?:对面|外面|门口|楼下)的?(?:奶茶店|咖啡厅|咖啡店|咖啡馆|便利店|车里|餐厅|早餐店)[^。！？]{0,12}(?:看着我|看得到我|看得见我|盯着我|在看我|等我下班)/,
  },
  {
    id: 'caller-describes-me',
    unless: /(?<!前)(?:妈|爸|老公|老婆|男朋友|女朋友|闺蜜|姐姐|哥哥|奶奶|外婆)/,
    pattern:
      /(?:号码|电话|私讯|私信|打来|打进来|打过来|未显示|不说话)[^。！？]{0,40}(?:说|说了句)[「“"]?(?:我|你)今天(?:穿|绑|戴|扎|的(?:衣服|头发|外套|裙子|发型|口红))/,
  },
  {
    id: 'will-not-walk-away',
    unlessComplaint: true,
    pattern:
      /(?:让|叫)(?:我|你)(?:躺着|横着)(?:回去|出去|离开|走)|(?:让|叫)(?:我|你)走不出|血债血偿|(?:拿出|掏出|亮出|摸出)(?:了)?(?:一把)?(?:折叠刀|刀子|水果刀|匕首|美工刀|刀)[^。！？]{0,8}(?:放在|拍在|插在|摆在|戳在)(?:了)?(?:柜台|台面|桌上|桌子上|窗口|我面前)|(?:拿出|掏出|亮出|摸出)(?:了)?(?:一把)?(?:折叠刀|刀子|水果刀|匕首|美工刀|刀)[^。！？]{0,4}(?:对着我|冲着?我|指着我|朝我)|(?:让|叫)我(?:下班|出门|回家|走着)好看|要(?:让|叫)我好看(?![一些点多很])/,
  },
];
