import type { CrisisRule } from './crisis-rule.js';

/**
 * Round 10, from two fresh writers' sets once spent (holdout3, holdout4): a carer worn down by a parent with dementia
 * who thinks of "taking them along" so both are freed (an extended-suicide thought, about the writer whoever is
 * named), and the world that "does not lack one of me". Read on Simplified text without spaces.
 */
export const ZH_CARERS: readonly CrisisRule[] = [
  {
    id: 'take-them-with-me',
    writerOnly: true,
    pattern:
      /(?:想|真想|好想|常常想|老想|有时候想|有时候真想)(?:说|讲)?(?:要)?带(?:着)?(?:他|她|孩子|儿子|女儿|宝宝|我妈|我爸|妈妈|爸爸|老妈|老爸|老人家?|爷爷|奶奶)一起(?:走|去死|死|解脱|离开)(?![^。！？，,]{0,3}(?:路|一趟|回|过去|过来|出去|进去|上去|下去|去(?:医院|超市|公园|看|买|玩|散步)))|(?:两个|两个人|俩|我们俩|我们两个|一家人?)(?:人)?都(?:解脱|不用再受罪|不用受罪|走了算了)/,
  },
  {
    id: 'world-without-me',
    writerOnly: true,
    pattern: /(?:这个?)?世界(?:上)?(?:也|又|本来就)?不缺我(?:一个|这一个|这个人)?|(?:这个?)?世界(?:上)?少(?:了)?我一个(?:也|又)?(?:没|不)(?:什么|啥|关系|影响|差)/,
  },
];
