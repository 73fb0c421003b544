import type { CrisisRule } from './crisis-rule.js';

/**
 * Round 13, from three fresh writers' dev files (dev10–dev12), read on Simplified text without spaces.
 * Hurting oneself said through the tool and the mark it left (拿原子笔一直戳手背戳到流血, 用热水一直烫手烫到起水泡,
 * 在手臂上划了几下, 拳头捶墙捶到关节肿了) rather than through 自己 or 自残, and being told to die and weighing it.
 */
export const ZH_HURTING_SELF: readonly CrisisRule[] = [
  {
    id: 'tool-on-my-body',
    unless: /猫|狗|被.{0,3}(?:划|割|烫|扎)|不小心|纸划|树枝|切菜|做饭|炒菜|打针|疫苗|抽血|纹身|刺青|(?:孩子|小孩|宝宝|女儿|儿子|客户|客人|同事|他|她)(?:拿|用)/,
    pattern:
      /(?:用|拿)(?:着)?(?:热水|开水|烟头|烟|打火机|小刀|刀片|美工刀|剪刀|圆珠笔|原子笔|笔|针|圆规|指甲)(?:一直|反复|使劲|狠狠地?|不停地?|偷偷)?(?:烫|戳|扎|划|割|刮)(?:了)?(?:一下|几下|好几下)?(?:我的?)?(?:手|手臂|手背|手腕|手指|胳膊|腿|大腿|自己)|(?:手臂|手腕|胳膊|手背|大腿|腿)上(?:又)?(?:划|割|烫)(?:了)?(?:几|好几|一|很多|好多|两|三)(?:下|刀|道|条)/,
  },
  {
    id: 'hurt-till-it-swells',
    unless: /不小心|被(?:门|车|球|桌|人)|摔|撞到(?:桌|门|柜)|切菜|做饭|蚊|痒|湿疹|过敏|痘|打球|健身|练/,
    pattern:
      /(?:一直|反复|使劲|狠狠地?|拼命|不停地?)(?:烫|戳|扎|捶|砸|掐|咬|打|抓)(?:自己|手|墙|头)?[^。！？]{0,4}(?:到|得)(?:手|头|手指|关节|手背|皮)?(?:都|也)?(?:起(?:了)?(?:水)?泡|流血|出血|肿|青|紫|破皮|淤青)|(?:捶|砸|撞|打)墙[^。！？]{0,8}(?:肿|流血|出血|破了|裂|青|紫)/,
  },
  {
    id: 'told-to-die-and-weighs-it',
    writerOnly: true,
    pattern:
      /(?:骂|叫|让|说|问)我(?:怎么)?(?:不)?(?:去)?死[^。！？]{0,12}(?:认真想|想过|想了一下|在想这个问题|也在想|说得(?:好像)?(?:也)?(?:没错|对)|有道理)/,
  },
];

/** Threats said through being watched (the watcher says so), being described, or what the worker will not walk away from. */
export const ZH_MENACE: readonly CrisisRule[] = [
  {
    id: 'watching-from-across',
    pattern:
      /说(?:他|她)?(?:现在|就|一直|正|每天)?(?:坐)?在[^。！？]{0,10}(?:对面|外面|门口|楼下)的?(?:奶茶店|咖啡厅|咖啡店|咖啡馆|便利店|车里|餐厅|早餐店)[^。！？]{0,12}(?:看着我|看得到我|看得见我|盯着我|在看我|等我下班)/,
  },
  {
    id: 'caller-describes-me',
    pattern:
      /(?:号码|电话|私讯|私信|打来|打进来|打过来|未显示|不说话)[^。！？]{0,40}(?:说|说了句)[「“"]?(?:我|你)今天(?:穿|绑|戴|扎|的(?:衣服|头发|外套|裙子|发型|口红))/,
  },
  {
    id: 'will-not-walk-away',
    unlessComplaint: true,
    pattern:
      /(?:让|叫)(?:我|你)(?:躺着|横着)(?:回去|出去|离开|走)|(?:让|叫)(?:我|你)走不出|血债血偿|(?:拿出|掏出|亮出|摸出)(?:了)?(?:一把)?(?:折叠刀|刀子|水果刀|匕首|美工刀|刀)|(?:让|叫)我(?:下班|出门|回家|走着)?好看/,
  },
];
