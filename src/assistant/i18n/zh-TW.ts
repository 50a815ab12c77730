import type { HintMessages } from '../hint-messages.js';

/** 小幫手的提示（繁體）：一句說清還差什麼、怎麼做。 */
export const zhTWHints: HintMessages = {
  dismiss: '知道了',
  dwell: (topic) =>
    ({
      number: '還差卡號：請輸入銀行卡正面的 16 到 19 位數字。',
      expiry: '還差有效期限：卡片正面印有「月/年」，例如 08/29。',
      cvv: '還差安全碼：卡片背面簽名欄旁的最後 3 位數字。',
      name: '還差持卡人姓名：請填寫卡片上的姓名。',
      sms: '還差簡訊驗證碼：請查看銀行傳到您手機的 6 位數字。',
      channel: '請先選擇一種付款方式。',
    })[topic] ?? '還有一項沒有填寫，請依提示完成。',
  backAndForth: (topic, recommended) =>
    topic === 'channel'
      ? `微信支付、支付寶只需在手機上確認；銀行卡要填卡號、有效期限和安全碼。${recommended ? `建議使用${recommended}。` : ''}`
      : '不用來回切換：依序填寫卡號、有效期限、安全碼，填好一項再填下一項。',
  repeatedError: (topic) =>
    ({
      number: '卡號好像不對：請對照卡片正面，逐組核對數字。',
      expiry: '有效期限請依「月/年」填寫，例如 08/29，在卡片正面。',
      cvv: '安全碼在卡片背面簽名欄旁，是最後 3 位數字（美國運通卡在正面，4 位）。',
      name: '請填寫與卡片上一致的姓名。',
      sms: '驗證碼是銀行簡訊裡的 6 位數字；收不到可以重新取得。',
    })[topic] ?? '這一項還不對，請依下方提示修改。',
  slowNetwork: '網路較慢，請稍候，不要重複點按。同一筆訂單不會扣款兩次。',
  declinedAgain: (channel) => `${channel}已兩次未能付款，建議換一種付款方式。`,
};
