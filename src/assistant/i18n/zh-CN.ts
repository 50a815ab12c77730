import type { HintMessages } from '../hint-messages.js';

/** 小助手的提示（简体）：一句说清还差什么、怎么做。 */
export const zhCNHints: HintMessages = {
  dismiss: '知道了',
  dwell: (topic) =>
    ({
      number: '还差卡号：请输入银行卡正面的 16 到 19 位数字。',
      expiry: '还差有效期：卡片正面印有“月/年”，例如 08/29。',
      cvv: '还差安全码：卡片背面签名栏旁的最后 3 位数字。',
      name: '还差持卡人姓名：请填写卡片上的姓名。',
      sms: '还差短信验证码：请查看银行发到您手机的 6 位数字。',
      channel: '请先选择一种支付方式。',
    })[topic] ?? '还有一项没有填写，请按提示完成。',
  backAndForth: (topic, recommended) =>
    topic === 'channel'
      ? `微信支付、支付宝只需在手机上确认；银行卡要填卡号、有效期和安全码。${recommended ? `推荐使用${recommended}。` : ''}`
      : '不用来回切换：按顺序填写卡号、有效期、安全码，填好一项再填下一项。',
  repeatedError: (topic) =>
    ({
      number: '卡号好像不对：请对照卡片正面，逐组核对数字。',
      expiry: '有效期请按“月/年”填写，例如 08/29，在卡片正面。',
      cvv: '安全码在卡片背面签名栏旁，是最后 3 位数字（美国运通卡在正面，4 位）。',
      name: '请填写与卡片上一致的姓名。',
      sms: '验证码是银行短信里的 6 位数字；收不到可以重新获取。',
    })[topic] ?? '这一项还不对，请按下方提示修改。',
  slowNetwork: '网络较慢，请稍等，不要重复点击。同一笔订单不会扣款两次。',
  declinedAgain: (channel) => `${channel}已两次未能支付，建议换一种支付方式。`,
};
