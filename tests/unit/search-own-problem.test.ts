import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { normalizeText } from '../../src/text/tokenize.js';
import { isWritersOwnProblem } from '../../src/text/writer-own-problem.js';
import { loadBase } from '../helpers/router.js';

const own = (q: string) => isWritersOwnProblem(normalizeText(q));

describe("the writer's own trouble, told in a case's words", () => {
  it('is read as the writer owning the thing in trouble with nobody else in the sentence', () => {
    for (const q of ['我自己的快递三天没到', '我的话费怎么又扣了', '我家宽带又断了', '我這個月的帳單又多了', '我自己手机欠费停机了 咋交话费', '我家网又断了 下班回去还得打电话报修']) {
      expect(own(q), q).toBe(true);
    }
  });

  it("is not a customer's trouble told by the agent, nor a customer's words pasted in", () => {
    for (const q of [
      '客户说他的快递三天没到',
      '阿姨说她家宽带又断了',
      '伊讲伊的号码被标记了',
      '我没用这么多流量',
      '“我的话费怎么又扣了”',
      '我的快递到底什么时候到',
      '我家宽带到期了 你们怎么给我转包月了',
      '凭什么扣我的钱',
      '我的快递一个星期了还没到，物流一直不更新',
      '客户问的东西我查不到',
    ]) {
      expect(own(q), q).toBe(false);
    }
  });
});

describe('/script search', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await loadBase();
  });

  it("answers the writer's own parcel, bill or broadband with no match", () => {
    for (const q of ['我自己的快递三天没到', '我的话费怎么又扣了', '我家宽带又断了', '我的包裹還沒到 好煩喔']) expect(kb.search(q, 3), q).toEqual([]);
  });

  it("still finds the case when a customer's words are pasted in the first person", () => {
    expect(kb.search('我没用这么多流量', 3)[0]?.id).toBe('disputed-data-usage');
    expect(kb.search('客户说他自己的快递三天没到', 3)[0]?.id).toBe('parcel-delayed');
    expect(kb.search('“我从来没开过这个业务，凭什么扣我钱”', 3)[0]?.id).toBe('unconsented-paid-service');
  });
});
