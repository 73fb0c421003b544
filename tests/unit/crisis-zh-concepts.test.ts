import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCrisis, formatCrisisEval, readCrisisSet } from '../../bench/crisis-eval.js';
import { CalmLibrary } from '../../src/calm/calm-library.js';
import { CrisisDetector } from '../../src/calm/crisis-detector.js';
import { loadCalmFiles } from '../../src/calm/load-calm.js';
import { SHIPPED_KNOWLEDGE } from '../helpers/router.js';

// Chinese crisis concepts from the round-6 personas (hospital, airline and rail staff; passive wishes,
// goodbye signals, self-harm on one's own body) and the everyday talk they must leave alone. The rules are
// checked alone (no learned model), so these ideas stay caught whatever the model is retrained on.
const rules = new CrisisDetector({}, null);
const kind = (text: string) => rules.assess(text).kind;

describe('Chinese crisis rules on the round-6 phrasings (zh6)', () => {
  it('catches ≥ 95 % per language with ≤ 5 % false alarms, by the rules alone', () => {
    const items = readCrisisSet(new URL('../fixtures/crisis-eval/phrasings.zh6.yaml', import.meta.url).pathname);
    const result = evaluateCrisis(rules, items);
    console.log(formatCrisisEval('zh6, rules alone', result));
    for (const [lang, t] of Object.entries(result.byLang)) {
      expect(t.caught / t.danger, `${lang} recall`).toBeGreaterThanOrEqual(0.95);
      expect(t.falseAlarms / t.none, `${lang} false alarms`).toBeLessThanOrEqual(0.05);
    }
  });
});

describe('Chinese crisis concepts', () => {
  it('reads a passive wish for an accident as the writer’s, and the same wish about someone else as theirs', () => {
    expect(kind('每天等车的时候都在想，要是摔下去就好了')).toBe('self');
    expect(kind('要是飛機這次回不來就好了')).toBe('self');
    expect(kind('要是客户出点事就好了')).not.toBe('self');
  });

  it('reads handing over a pet or the family for good as a goodbye, and for a trip as ordinary', () => {
    expect(kind('我把狗托付给邻居了，以后就麻烦她了')).toBe('self');
    expect(kind('以后这个家就靠你了')).toBe('self');
    expect(kind('把狗托付给邻居几天，我去培训')).toBe('none');
  });

  it('reads a last thank-you as the writer’s goodbye unless they are leaving the job', () => {
    expect(kind('今天对每个人都说了谢谢，这是最后一次')).toBe('self');
    expect(kind('下周调到总部了，最后一次跟大家说谢谢')).toBe('none');
    expect(kind('最后一次了啊，下次再迟到我就记你了')).toBe('none');
  });

  it('reads hurting one’s own body until it shows, not a scratch or an accident', () => {
    expect(kind('拿笔往手臂上扎，扎到见血')).toBe('self');
    expect(kind('蚊子咬得我抓到出血')).toBe('none');
  });

  it('takes passengers and patients as other people, not the writer', () => {
    expect(kind('旅客骂我去死，气哭了')).toBe('none');
    expect(kind('病人说想从窗户跳下去，已经通知医生了')).not.toBe('self');
  });

  it('leaves a lead’s warning, a parent’s worry and a customer waiting for service ordinary', () => {
    expect(kind('组长说我再漏单就让我好看')).toBe('none');
    expect(kind('我爸说我天天加班早晚累死')).toBe('none');
    expect(kind('客人就在大厅等我帮他办退票')).toBe('none');
  });

  it('reads erasing one’s traces and giving away savings or things one will not need as goodbye signals', () => {
    expect(kind('照片都删光了，微博也清空了')).toBe('self');
    expect(kind('存款都转给我妹了，她还问我为什么')).toBe('self');
    expect(kind('耳机送给同事了，反正我也用不上了')).toBe('self');
    expect(kind('旧手机清空了，二手卖掉')).toBe('none');
    expect(kind('存款取出来给我妈看病了')).toBe('none');
  });

  it('reads pain sought for relief and a journey of no return', () => {
    expect(kind('掐到发紫反而觉得平静')).toBe('self');
    expect(kind('谢谢大家照顾，我要去一个很远的地方，不会再回来了')).toBe('self');
    expect(kind('按摩按得好痛，按完反而觉得舒服')).toBe('none');
  });

  it('leaves ending a talk, leaving a workplace and sleeping in ordinary, not ending it all', () => {
    expect(kind('不如就这样结束吧，我真的好累')).toBe('self');
    expect(kind('这个会议就这样结束吧')).toBe('none');
    expect(rules.readByRules('我要离开这家医院了，谢谢大家').asksModel).toBe(false);
  });

  it('reads 让我横着出去 and a stalker who will not leave as threats', () => {
    expect(kind('那个旅客说要让我横着走出机场')).toBe('threat');
    expect(kind('前女友在公司门口堵着，说不见到我就不走')).toBe('threat');
  });

  it('reads an everyday word made permanent, welcoming danger and envying the dead', () => {
    expect(kind('好想请个永久的假')).toBe('self');
    expect(kind('地铁来的时候，总想往前挪一步')).toBe('self');
    expect(kind('遇到颠簸，我心里竟然有点期待')).toBe('self');
    expect(kind('遇到颠簸，好期待快点落地')).toBe('none');
    expect(kind('有时候好羡慕那些已经离开的人')).toBe('self');
  });

  it('leaves "over my dead body", a numb heart and a last night shift before leave ordinary', () => {
    expect(kind('打死都不要再值大夜')).toBe('none');
    expect(kind('被投诉三次，心早就死了')).toBe('none');
    expect(kind('今晚是最后一晚的值班，明天休息')).toBe('none');
  });

  it('reads the writer’s own threat, said the way people threaten in Chinese, as the writer’s crisis', () => {
    expect(kind('组长再克扣我工资，我就跟他拼了')).toBe('self');
    expect(kind('我找人去收拾他，让他站不起来')).toBe('self');
    expect(kind('我想在她的饭里下点泻药')).toBe('self');
    expect(kind('他再敢来，我一板砖拍他头上')).toBe('self');
    expect(kind('他说要一棍子抡我脑袋上')).not.toBe('self');
  });

  // As in English since round 8: a threat to the worker's own safety gets the safety answer (tell the lead, do not
  // meet the customer alone) even when already reported; a complaint or the press stays ordinary.
  it('answers a threat the writer has already handed to the police or their lead with the safety answer', () => {
    expect(kind('乘客说下车要捅我，我已经告诉乘警了')).toBe('threat');
    expect(kind('乘客说下车要捅我，我已经报警了')).toBe('threat');
    expect(kind('那个家属说要来科室堵我，已经通知保安了')).toBe('threat');
    expect(kind('客人說要來店裡砍人，我已經報警了')).toBe('threat');
    expect(kind('客户说要投诉我，我已经报给组长了')).toBe('none');
  });

  it('reads abuse reported from a customer and being "drowned" in work as ordinary', () => {
    expect(kind('那个旅客说你们这种人都该死')).toBe('none');
    expect(kind('快被工单埋死了')).toBe('none');
  });

  it('reads "not joking" after a wish to die as sincere, and a laugh without it as hyperbole', () => {
    expect(kind('真的好想死，不是说笑')).toBe('self');
    expect(kind('不想活了哈哈哈，这次认真的')).toBe('self');
    expect(kind('排了三个小时队，不想活了哈哈哈')).toBe('none');
  });

  it('reads "I am the one who should die" as the writer’s, and living in others’ eyes or leaving a chat as ordinary', () => {
    expect(kind('抢救没成功，该死的人是我')).toBe('self');
    expect(kind('我不想活在爸妈的期待里')).toBe('none');
    expect(kind('想从这个世界下线一会儿，去睡个午觉')).toBe('none');
    expect(kind('领导要把我们累死')).toBe('none');
  });

  it('reads Cantonese 捱, 屋企, 分晒俾 and 唔係…嗰種 as Mandarin, and 顶唔顺 as "cannot stand it"', () => {
    expect(kind('真係捱唔落去')).toBe('self');
    expect(kind('今晚喺天台企耐啲，唔想返屋企')).toBe('self');
    expect(kind('我啲衫已經送晒俾朋友')).toBe('self');
    expect(kind('想走，唔係轉工嗰種')).toBe('self');
    expect(kind('呢個客頂唔順，想轉工')).toBe('none');
  });

  it('reads the fall as relief and no seat kept for oneself, not a rooftop barbecue or a meal at work', () => {
    expect(kind('从这上面跳下去，应该就解脱了吧')).toBe('self');
    expect(kind('以后过节不用给我准备碗筷了')).toBe('self');
    expect(kind('以后不用给我留饭了，公司有食堂')).toBe('none');
    expect(kind('今晚在天台烧烤，不想回家')).toBe('none');
  });
});

// Round 7: the goodbye that reads like a resignation, a writer who says they are not joking, net slang and Taiwan
// wording. The rules alone for the danger words; the shipped detector (rules + model) for what the model is not asked.
describe('Chinese crisis concepts (round 7)', () => {
  it('reads a badge and keys left behind with thanks for the years as a goodbye, and a resignation as ordinary', () => {
    expect(kind('工作证和钥匙我都放桌上了，谢谢大家这些年照顾')).toBe('self');
    expect(kind('識別證跟鑰匙都放桌上了，謝謝大家這些年的照顧')).toBe('self');
    expect(kind('门禁卡和工牌我放前台了，这几年多谢大家包容')).toBe('self');
    expect(kind('工牌和钥匙交给HR了，谢谢大家这几年照顾，以后常联系')).toBe('none');
    expect(kind('離職單簽好了，識別證跟鑰匙交回去，謝謝大家這幾年照顧，有空再約')).toBe('none');
    expect(kind('钥匙放桌上了，明天早班的记得拿')).toBe('none');
    expect(kind('今天搬工位 东西放新桌上了 谢谢大家这几年照顾')).toBe('none');
    expect(kind('柜子钥匙我放在前台了，谢谢大家这几年的照顾，别担心我')).toBe('self');
  });

  it('takes 不开玩笑 and 不是说笑 as meaning it, so a laugh or a threat is read literally', () => {
    expect(kind('我想死 真的 不开玩笑')).toBe('self');
    expect(kind('那个客户再骂我，我真的会拿刀捅他，不是说笑')).toBe('self');
    expect(kind('再被主管罵我就要帶刀來砍人了，真的不是說笑')).toBe('self');
    expect(kind('今天真的很想死，好啦開玩笑的，只是很累')).toBe('none');
  });

  it('reads 紫砂 as net slang for suicide except the teapot, 安乐死 and wishing to be struck as the writer’s', () => {
    expect(kind('鼠鼠我啊，准备紫砂了')).toBe('self');
    expect(kind('紫砂壶到货了，谁要泡茶')).toBe('none');
    expect(kind('想安樂死')).toBe('self');
    expect(kind('人生好難，好想被隕石砸到')).toBe('self');
    expect(kind('生而為人，我很抱歉')).toBe('self');
    expect(kind('xswl 其实我是真的想s 哈哈哈')).toBe('self');
  });

  it('reads Taiwanese Hokkien as Mandarin, and things given away because someone will need them as a goodbye', () => {
    expect(kind('我無愛活矣')).toBe('self');
    expect(kind('死死去卡快活啦')).toBe('self');
    expect(kind('毋知活落去欲創啥')).toBe('self');
    expect(kind('人生可以直接按結束鍵嗎')).toBe('self');
    expect(kind('我真係好攰 想瞓落去唔再起身')).toBe('self');
    expect(kind('咋弄都没用 活着真遭罪')).toBe('self');
    expect(kind('我的機車鑰匙給我弟了，他會用得到')).toBe('self');
    expect(kind('機車借給我弟了，他明天要用')).toBe('none');
    expect(kind('我要請假去陪阿嬤看醫生')).toBe('none');
  });

  it('reads pinyin initials of the key phrases (not two-letter ones) and asking heaven to take one', () => {
    expect(kind('wbxhl')).toBe('self');
    expect(kind('今天好累 wxs')).toBe('self');
    expect(kind('客户要XS码的衣服 没货')).toBe('none');
    expect(kind('xswl 客户把我当成他女儿')).toBe('none');
    expect(kind('上帝什麼時候要把我收回去')).toBe('self');
    expect(kind('老天快把我收走吧')).toBe('self');
  });

  it('reads quitting the game of life, kept pills and an unlocked roof door, and leaves a game, a slip and a meeting alone', () => {
    expect(kind('人生好难 我不想玩了')).toBe('self');
    expect(kind('我要退出人生這場遊戲')).toBe('self');
    expect(kind('醫生開的藥我都沒吃，全部存起來了')).toBe('self');
    expect(kind('頂樓的門今天沒鎖，我一直想上去')).toBe('self');
    expect(kind('我不想玩了，這款手遊太課金')).toBe('none');
    expect(kind('今天頂樓的門沒鎖，可以上去抽菸')).toBe('none');
    expect(kind('好想原地消失，剛剛叫錯客人名字')).toBe('none');
    expect(kind('對不起，我先走一步，等等還有會要開')).toBe('none');
    expect(kind('對不起，我先走一步了')).toBe('self');
  });

  it('leaves visiting a living grandparent and sleepiness ordinary', () => {
    expect(kind('好想回去陪阿嬤吃飯，這週又排班')).toBe('none');
    expect(kind('好想去陪阿公喝茶，好久沒回南部')).toBe('none');
    expect(kind('好想去陪外婆，她走了以后就没人疼我了')).toBe('self');
    expect(kind('困得要命，想睡死过去')).toBe('none');
  });
});

describe('Chinese crisis concepts (round 7, delivery and ride-hailing support)', () => {
  it('reads the writer meaning to hurt someone in the ways people say it, answered as the writer’s crisis', () => {
    expect(kind('主管再骂我，我就给他一刀')).toBe('self');
    expect(kind('再扣我钱我就把热水泼他身上')).toBe('self');
    expect(kind('那個同事再陷害我一次，我就打爆他')).toBe('self');
    expect(kind('我知道那个客户住哪了，下班就去找他算账')).toBe('self');
    expect(kind('我要把那个投诉我的司机的车胎全扎了')).toBe('self');
    expect(kind('谁再甩锅给我我就跟谁拼了')).toBe('self');
    expect(kind('那个乘客再骂我 我就抄起椅子砸他')).toBe('self');
    expect(kind('那個奧客再來 我就拿剪刀刺他')).toBe('self');
    expect(kind('我拿剪刀剪了他寄来的包裹')).toBe('none');
    expect(kind('客户给了我一个差评，我去找组长算了')).toBe('none');
  });

  it('reads "if I am not online tomorrow" as a goodbye, laugh or not', () => {
    expect(kind('哈哈 我要是明天没上线 就是去当天使了')).toBe('self');
    expect(kind('我如果明天没来上班，不用找我')).toBe('self');
  });

  it('reads things sorted out for others to take as a goodbye, and a clear-out for charity as ordinary', () => {
    expect(kind('週末把房間整理乾淨了，東西都分類好，誰要什麼跟我說')).toBe('self');
    expect(kind('衣服整理好了要捐出去，谁要什么跟我说')).toBe('none');
  });

  it('leaves a next life without the job, a last turn handed on and an empty wallet ordinary', () => {
    expect(kind('如果有下輩子，我不要再做客服了')).toBe('none');
    expect(kind('今天最後一次幫大家訂便當，下週換小美負責')).toBe('none');
    expect(kind('撐不過這個月了，薪水花光光')).toBe('none');
    expect(kind('今天是我最後一次幫大家訂便當了，以後要自己訂喔')).toBe('self');
    expect(kind('真想出个车祸，这样就不用上班了，也不用活了')).toBe('self');
  });

  it('reads a car coming at the writer as a passive wish', () => {
    expect(kind('过马路的时候想，要是有辆货车冲过来就好了')).toBe('self');
    expect(kind('要是车撞过来也挺好，就不用上班了')).toBe('self');
    expect(kind('好想被公車撞一撞')).toBe('self');
  });

  it('reads riders, drivers and merchants as other people, and hunger as hyperbole', () => {
    expect(kind('有个骑手在电话里说他不想活了')).toBe('other');
    expect(kind('那个司机说要去跳河，我已经报给组长了')).toBe('other');
    expect(kind('饿到快死掉，谁有零食')).toBe('none');
    expect(kind('饿到快死掉算了，反正没人在乎')).toBe('self');
  });
});

describe('Chinese ordinary context and reported threats (shipped detector)', () => {
  let shipped: CrisisDetector;
  beforeAll(async () => {
    shipped = CalmLibrary.build((await loadCalmFiles(SHIPPED_KNOWLEDGE)).files).crisis;
  });

  it('does not ask the model about leaving for the day, a relative one visits or the team’s tired slang', () => {
    for (const text of ['下班走了，明天见', '我先走了，明天見', '我想静静，十分钟后回来', '摆烂了，今天就这样吧', '厭世上班族又來了', '好累喔，想放空', '我媽住院，下班要去陪她', '好想去陪我外婆过年啊，今年又排班回不去']) {
      expect(shipped.assess(text).kind, text).toBe('none');
    }
    expect(shipped.assess('下班后想直接去江边，不回来了').kind).toBe('self');
    expect(shipped.assess('下班走在路上想，要是有辆车撞过来也挺好').kind).toBe('self');
  });

  it('answers a threat phrase with the safety answer whether or not it was already reported', () => {
    expect(shipped.assess('客户说要来公司找我麻烦，我已经报给组长了，保安也知道').kind).toBe('threat');
    expect(shipped.assess('客户说要来公司找我麻烦，我好怕').kind).toBe('threat');
  });
});
