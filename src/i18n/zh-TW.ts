import type { GuideCatalog, Messages, PaymentCatalog, SavedCardsCatalog } from './messages.js';

const CHANNELS: Record<string, string> = {
  wechat: '微信支付',
  alipay: '支付寶',
  unionpay: '雲閃付',
  ecny: '數位人民幣',
  card: '銀行卡',
};

const SETTLEMENT: Record<string, string> = {
  realtime: '即時到帳',
  'T+0': '當日到帳 (T+0)',
  'D+0': '當日到帳 (D+0)',
  'T+1': '次個工作日到帳 (T+1)',
  'D+1': '次日到帳 (D+1)',
};

export const zhTW: Messages = {
  checkoutLabel: '收銀台',
  careMode: '大字模式',
  loading: '正在載入收銀台…',
  amountDue: '應付金額',
  merchant: (name) => `收款方：${name}`,
  channelsLabel: '選擇付款方式',
  channelName: (kind) => CHANNELS[kind] ?? kind,
  settlement: (kind) => SETTLEMENT[kind] ?? `${kind} 到帳`,
  perTransaction: (amount) => `單筆限額 ${amount}`,
  remainingToday: (amount) => `今日剩餘 ${amount}`,
  minimum: (amount) => `最低 ${amount}`,
  feeRate: (percent) => `手續費 ${percent}`,
  newBadge: '新',
  degraded: '通道繁忙，可能較慢',
  unavailable: (reason, until) =>
    ({
      down: '暫不可用',
      maintenance: until ? `維護中，${until} 恢復` : '維護中',
      'over-per-transaction': '超出單筆限額',
      'over-daily': '超出今日剩餘額度',
      'under-minimum': '低於最低付款金額',
      environment: '目前環境不支援，請在瀏覽器中開啟',
    })[reason],
  pay: (amount) => `確認付款 ${amount}`,
  paying: '正在付款…',
  pendingStatus: '正在確認付款結果，請勿重複付款…',
  checkPayment: '我已完成付款',
  offline: '網路已中斷：請連上 Wi-Fi 或行動網路。恢復連線後將繼續付款，不會重複扣款。',
  cardFormUnavailable: '銀行卡輸入框未能載入。請檢查網路後重新選擇銀行卡，或使用其他付款方式。',
  selectChannel: '請選擇付款方式',
  successTitle: '付款成功',
  successDetail: (amount, channel) => `已使用${channel}付款 ${amount}`,
  successReference: (id) => `交易編號 ${id}`,
  failureTitle: '付款未完成',
  retry: '重試',
  reload: '重新載入',
  errors: {
    session_missing: '收銀台缺少訂單資訊，請返回商戶頁面重新下單。',
    session_unreachable: '網路連線失敗，無法載入訂單，請檢查網路後重試。',
    session_http_error: '訂單服務暫時無法使用，請稍後重試。',
    session_malformed: '訂單資訊有誤，無法付款，請返回商戶頁面重新下單。',
    session_expired: '訂單已逾時關閉，請返回商戶頁面重新下單。',
    attribute_invalid: '收銀台設定有誤，請聯絡商戶。',
    crypto_unavailable: '目前頁面不安全（非 HTTPS），無法完成付款。',
    miniprogram_unavailable: '無法開啟小程式付款頁面，請返回小程式重試，或更換付款方式。',
    card_frame_unavailable: '銀行卡暫不可用，請選擇其他付款方式。',
  },
  failures: {
    declined: '付款遭發卡銀行拒絕，請更換付款方式。',
    insufficient_funds: '餘額不足，請更換付款方式。',
    card_invalid: '銀行卡資訊有誤，請核對卡號、有效期限和安全碼。',
    channel_unavailable: '此付款方式暫時無法使用，請更換付款方式。',
    limit_exceeded: '超出付款限額，請更換付款方式。',
    canceled: '付款已取消。',
    expired: '訂單已逾時，請重新下單。',
    network_error: '網路異常，在付款結果確認前不會重複扣款，請檢查網路後重試。',
    timeout: '付款請求逾時，請稍後重試，不會重複扣款。',
    response_malformed: '付款服務回應異常，請稍後重試。',
    signature_rejected: '付款請求驗證失敗，請重新整理頁面後重試。',
    request_rejected: '付款請求無效，請重新整理頁面後重試。',
    order_already_paid: '此訂單已付款，無需重複付款。',
    server_error: '付款服務暫時無法使用，請稍後重試。',
    miniprogram_unavailable: '無法開啟小程式付款頁面，請返回小程式重試，或更換付款方式。',
    sms_code_invalid: '驗證碼錯誤，請重新輸入。',
    sms_code_expired: '驗證碼已逾期，請重新取得。',
    binding_locked: '驗證碼錯誤次數過多，請重新綁卡。',
    passkey_declined: '未能用指紋或臉部確認，請用原來的方式確認後再付款。',
    passkey_rejected: '未能用指紋或臉部確認，請用原來的方式確認後再付款。',
    payment_failed: '付款失敗，請重試或更換付款方式。',
  },
  declinedBy: (channel) => `${channel}拒絕了這筆付款，請更換付款方式。`,
  payBlocked: { card: '請更換銀行卡或付款方式', channel: '請更換付款方式' },
  card: {
    legend: '銀行卡資訊',
    label: { number: '卡號', expiry: '有效期限', cvv: '安全碼', name: '持卡人姓名' },
    expiryHint: '月/年，如 08/29',
    cvvHint: (digits) => `卡片背面 ${digits} 位數字`,
    brandName: (id, fallback) =>
      ({ unionpay: '銀聯', visa: 'Visa', mastercard: '萬事達卡', amex: '美國運通', jcb: 'JCB', diners: '大來卡' })[id] ??
      fallback,
    brand: (name) => `發卡組織：${name}`,
    missing: { number: '請填寫卡號', expiry: '請填寫有效期限', cvv: '請填寫安全碼', name: '請填寫持卡人姓名' },
    numberError: {
      empty: '請輸入卡號',
      incomplete: '卡號位數不足',
      'too-long': '卡號位數過多',
      luhn: '卡號有誤，請核對',
      'unknown-brand': '暫不支援此卡，請更換銀行卡',
    },
    expiryError: {
      empty: '請輸入有效期限',
      incomplete: '請依 月/年 格式輸入，如 08/29',
      month: '月份應在 01 到 12 之間',
      past: '此卡已過期',
      'too-far': '有效期限有誤，請核對',
    },
    cvvError: { empty: '請輸入安全碼', incomplete: '安全碼位數不足', 'too-long': '安全碼位數過多', 'not-digits': '安全碼只能是數字' },
    nameError: { empty: '請輸入持卡人姓名', 'too-long': '姓名過長', characters: '姓名含有無效字元' },
  },
  channels: {
    appName: (app) => ({ wechat: '微信', alipay: '支付寶', unionpay: '雲閃付' })[app],
    openInBrowser: (app) => `${app}內無法使用，請點右上角「···」選擇在瀏覽器開啟`,
    copyToBrowser: '小程式內無法使用，請複製連結到瀏覽器開啟',
    guide: '如何開啟',
    maintenanceWindow: (from, to) => `維護時段 ${from}–${to}`,
    feeFixed: (amount) => `手續費 ${amount}`,
    countdownLabel: '付款剩餘時間',
    countdownAnnounce: (seconds) =>
      seconds === 0 ? '訂單已逾時' : seconds >= 60 ? '付款剩餘不到 1 分鐘，請盡快完成付款' : `付款剩餘 ${seconds} 秒`,
    noticesLabel: '商戶通知',
    dismissNotice: (text) => `關閉通知：${text}`,
  },
  fallback: {
    useAnother: '使用其他付款方式',
    noneAvailable: '暫無可用的付款方式，請稍後再試或聯絡商戶。',
  },
};

/** The payment chunk's strings (the fallback notice, the QR code, a wallet opened), apart so that only that chunk (dist/lazy/payment.js) carries them. */
export const zhTWPayment: PaymentCatalog = {
  payment: {
    offer: (reason, from, to, amount) =>
      ({
        unavailable: `${from}暫時無法使用。改用${to}付款 ${amount}？`,
        limit: `已超出${from}的付款限額。改用${to}付款 ${amount}？`,
        abandoned: `改用${to}付款 ${amount}？`,
      })[reason],
    accept: (to, immediate) => (immediate ? `改用${to}付款` : `改用${to}`),
    moved: (reason, from, to, byCard) =>
      ({
        unavailable: `${from}暫時無法使用，已改用${to}。`,
        limit: `已超出${from}的付款限額，已改用${to}。`,
        abandoned: `已改用${to}。`,
      })[reason] + (byCard ? '請填寫銀行卡資料。' : ''),
    back: (from) => `返回${from}`,
    preselected: (reason, from, to) =>
      reason === 'limit' ? `${from}無法支付此金額，已為你選擇${to}。` : `${from}暫時無法使用，已為你選擇${to}。`,
    qrLabel: (channel) => `${channel}二維碼`,
    scanWith: (kind, channel) =>
      ({ wechat: '請使用微信「掃一掃」掃碼付款', alipay: '請開啟支付寶「掃一掃」掃碼付款', unionpay: '請使用雲閃付掃碼付款' })[kind] ??
      `請使用${channel}掃碼付款`,
    qrAmount: (amount) => `掃碼付款 ${amount}`,
    qrLoading: '正在產生二維碼…',
    walletOpen: (channel) => `請在${channel}中完成付款`,
  },
};

/** The saved cards chunk's strings, apart so that only that chunk (dist/lazy/saved-cards.js) carries them. */
export const zhTWSavedCards: SavedCardsCatalog = {
  savedCards: {
    legend: '已儲存的銀行卡',
    unusableLegend: '無法使用的銀行卡',
    showUnusable: (count) => `顯示無法使用的銀行卡（${count}）`,
    hideUnusable: '隱藏無法使用的銀行卡',
    newCard: '使用新卡',
    cardName: (brand, last4) => `${brand} 末四碼 ${last4}`,
    expiry: (mmYY) => `有效期限 ${mmYY}`,
    bankCard: (bank, type) => `${bank} ${type === 'debit' ? '儲蓄卡' : '信用卡'}`,
    active: '可用',
    expiring: (mmYY) => `即將到期 ${mmYY}`,
    expired: '已過期',
    problem: { reported_lost: '已掛失', frozen: '已凍結', repeatedly_declined: '多次遭拒', other: '狀態異常' },
    expiredAdvice: '此卡已過期，請刪除後新增新卡。',
    problemAdvice: {
      reported_lost: '此卡已掛失，請刪除後使用其他銀行卡。',
      frozen: '此卡已凍結，請聯絡發卡行，或使用其他銀行卡。',
      repeatedly_declined: '此卡多次付款遭拒，請聯絡發卡行，或刪除後新增新卡。',
      other: '此卡暫時無法使用，請聯絡發卡行，或使用其他銀行卡。',
    },
    empty: '沒有已儲存的銀行卡，請在下方填寫新卡。',
    noUsable: '已儲存的銀行卡都無法使用，請在下方填寫新卡。',
    cvvLabel: (name) => `${name} 的安全碼`,
    remove: '刪除',
    removeLabel: (name) => `刪除 ${name}`,
    confirmTitle: '刪除銀行卡',
    confirmText: (name) => `確定刪除 ${name}？刪除後不影響已完成的付款紀錄。`,
    confirm: '刪除',
    cancel: '取消',
    removing: '正在刪除…',
    removed: (name) => `已刪除 ${name}`,
    removeVetoed: '未刪除銀行卡。',
    removeErrors: {
      card_not_found: '找不到這張銀行卡，可能已被刪除。請重新整理頁面。',
      card_in_use: '這張卡有一筆付款尚未完成，暫時無法刪除，請稍後再試。',
      removal_unavailable: '目前無法刪除銀行卡。',
      session_expired: '訂單已逾時，無法刪除銀行卡，請重新下單。',
      network_error: '網路異常，銀行卡未刪除，請檢查網路後重試。',
      timeout: '請求逾時，銀行卡未刪除，請稍後重試。',
      signature_rejected: '請求驗證失敗，銀行卡未刪除，請重新整理頁面後重試。',
      request_rejected: '請求無效，銀行卡未刪除，請重新整理頁面後重試。',
      server_error: '服務暫時無法使用，銀行卡未刪除，請稍後重試。',
    },
  },
};

/** The guide chunk's strings (opening the page in the system browser), apart so that only that chunk (dist/lazy/guide.js) carries them. */
export const zhTWGuide: GuideCatalog = {
  guide: {
    title: (channel) => `如何使用${channel}付款`,
    why: (app, channel) => `${app}內無法開啟${channel}。請在手機瀏覽器中開啟本頁面，再選擇${channel}。`,
    steps: (_app, channel) => ['點右上角「···」', '選擇「在瀏覽器開啟」', `在瀏覽器中選擇${channel}完成付款`],
    miniProgramSteps: (channel) => ['點下方「複製連結」', '開啟手機瀏覽器，貼上連結並前往', `選擇${channel}完成付款`],
    menuEntry: '在瀏覽器開啟',
    pictureLabel: '示意圖：點右上角「···」，在選單中選擇「在瀏覽器開啟」',
    linkLabel: '本頁連結',
    copy: '複製連結',
    copied: '已複製',
    selected: '已選取連結，請長按複製',
    close: '關閉',
  },
};
