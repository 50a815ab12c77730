import type { GuideCatalog, Messages, PaymentCatalog, SavedCardsCatalog } from './messages.js';

const CHANNELS: Record<string, string> = {
  wechat: '微信支付',
  alipay: '支付宝',
  unionpay: '云闪付',
  ecny: '数字人民币',
  card: '银行卡',
};

const SETTLEMENT: Record<string, string> = {
  realtime: '实时到账',
  'T+0': '当日到账 (T+0)',
  'D+0': '当日到账 (D+0)',
  'T+1': '次个工作日到账 (T+1)',
  'D+1': '次日到账 (D+1)',
};

export const zhCN: Messages = {
  checkoutLabel: '收银台',
  careMode: '大字模式',
  loading: '正在加载收银台…',
  amountDue: '应付金额',
  merchant: (name) => `收款方：${name}`,
  channelsLabel: '选择支付方式',
  channelName: (kind) => CHANNELS[kind] ?? kind,
  settlement: (kind) => SETTLEMENT[kind] ?? `${kind} 到账`,
  perTransaction: (amount) => `单笔限额 ${amount}`,
  remainingToday: (amount) => `今日剩余 ${amount}`,
  minimum: (amount) => `最低 ${amount}`,
  feeRate: (percent) => `手续费 ${percent}`,
  newBadge: '新',
  degraded: '通道繁忙，可能较慢',
  unavailable: (reason, until) =>
    ({
      down: '暂不可用',
      maintenance: until ? `维护中，${until} 恢复` : '维护中',
      'over-per-transaction': '超出单笔限额',
      'over-daily': '超出今日剩余额度',
      'under-minimum': '低于最低支付金额',
      environment: '当前环境不支持，请在浏览器中打开',
    })[reason],
  pay: (amount) => `确认支付 ${amount}`,
  paying: '正在支付…',
  pendingStatus: '正在确认支付结果，请勿重复付款…',
  checkPayment: '我已完成支付',
  offline: '网络已断开：请连接 Wi-Fi 或移动网络。恢复连接后将继续支付，不会重复扣款。',
  cardFormUnavailable: '银行卡输入框未能加载。请检查网络后重新选择银行卡，或使用其他支付方式。',
  selectChannel: '请选择支付方式',
  successTitle: '支付成功',
  successDetail: (amount, channel) => `已使用${channel}付款 ${amount}`,
  successReference: (id) => `交易单号 ${id}`,
  failureTitle: '支付未完成',
  retry: '重试',
  reload: '重新加载',
  errors: {
    session_missing: '收银台缺少订单信息，请返回商户页面重新下单。',
    session_unreachable: '网络连接失败，无法加载订单，请检查网络后重试。',
    session_http_error: '订单服务暂时不可用，请稍后重试。',
    session_malformed: '订单信息有误，无法支付，请返回商户页面重新下单。',
    session_expired: '订单已超时关闭，请返回商户页面重新下单。',
    attribute_invalid: '收银台配置有误，请联系商户。',
    crypto_unavailable: '当前页面不安全（非 HTTPS），无法完成支付。',
    miniprogram_unavailable: '无法打开小程序支付页面，请返回小程序重试，或更换支付方式。',
    card_frame_unavailable: '银行卡暂不可用，请选择其他支付方式。',
  },
  failures: {
    declined: '支付被发卡行拒绝，请更换支付方式。',
    insufficient_funds: '余额不足，请更换支付方式。',
    card_invalid: '银行卡信息有误，请核对卡号、有效期和安全码。',
    channel_unavailable: '该支付方式暂不可用，请更换支付方式。',
    limit_exceeded: '超出支付限额，请更换支付方式。',
    canceled: '支付已取消。',
    expired: '订单已超时，请重新下单。',
    network_error: '网络异常，支付结果未知前不会重复扣款，请检查网络后重试。',
    timeout: '支付请求超时，请稍后重试，不会重复扣款。',
    response_malformed: '支付服务返回异常，请稍后重试。',
    signature_rejected: '支付请求校验失败，请刷新页面后重试。',
    request_rejected: '支付请求无效，请刷新页面后重试。',
    order_already_paid: '该订单已支付，无需重复支付。',
    server_error: '支付服务暂时不可用，请稍后重试。',
    miniprogram_unavailable: '无法打开小程序支付页面，请返回小程序重试，或更换支付方式。',
    sms_code_invalid: '验证码错误，请重新输入。',
    sms_code_expired: '验证码已过期，请重新获取。',
    binding_locked: '验证码错误次数过多，请重新绑卡。',
    passkey_declined: '未能用指纹或面容确认，请用原来的方式确认后再支付。',
    passkey_rejected: '未能用指纹或面容确认，请用原来的方式确认后再支付。',
    payment_failed: '支付失败，请重试或更换支付方式。',
  },
  declinedBy: (channel) => `${channel}拒绝了这笔支付，请更换支付方式。`,
  payBlocked: { card: '请更换银行卡或支付方式', channel: '请更换支付方式' },
  card: {
    legend: '银行卡信息',
    label: { number: '卡号', expiry: '有效期', cvv: '安全码', name: '持卡人姓名' },
    expiryHint: '月/年，如 08/29',
    cvvHint: (digits) => `卡背面 ${digits} 位数字`,
    brandName: (id, fallback) =>
      ({ unionpay: '银联', visa: 'Visa', mastercard: '万事达卡', amex: '美国运通', jcb: 'JCB', diners: '大来卡' })[id] ??
      fallback,
    brand: (name) => `卡组织：${name}`,
    missing: { number: '请填写卡号', expiry: '请填写有效期', cvv: '请填写安全码', name: '请填写持卡人姓名' },
    numberError: {
      empty: '请输入卡号',
      incomplete: '卡号位数不足',
      'too-long': '卡号位数过多',
      luhn: '卡号有误，请核对',
      'unknown-brand': '暂不支持该卡，请更换银行卡',
    },
    expiryError: {
      empty: '请输入有效期',
      incomplete: '请按 月/年 格式输入，如 08/29',
      month: '月份应在 01 到 12 之间',
      past: '该卡已过期',
      'too-far': '有效期有误，请核对',
    },
    cvvError: { empty: '请输入安全码', incomplete: '安全码位数不足', 'too-long': '安全码位数过多', 'not-digits': '安全码只能是数字' },
    nameError: { empty: '请输入持卡人姓名', 'too-long': '姓名过长', characters: '姓名含有无效字符' },
  },
  channels: {
    appName: (app) => ({ wechat: '微信', alipay: '支付宝', unionpay: '云闪付' })[app],
    openInBrowser: (app) => `${app}内无法使用，请点右上角「···」选择在浏览器打开`,
    copyToBrowser: '小程序内无法使用，请复制链接到浏览器打开',
    guide: '如何打开',
    maintenanceWindow: (from, to) => `维护时段 ${from}–${to}`,
    feeFixed: (amount) => `手续费 ${amount}`,
    countdownLabel: '支付剩余时间',
    countdownAnnounce: (seconds) =>
      seconds === 0 ? '订单已超时' : seconds >= 60 ? '支付剩余不到 1 分钟，请尽快完成支付' : `支付剩余 ${seconds} 秒`,
    noticesLabel: '商户通知',
    dismissNotice: (text) => `关闭通知：${text}`,
  },
  fallback: {
    useAnother: '使用其他支付方式',
    noneAvailable: '暂无可用的支付方式，请稍后再试或联系商户。',
  },
};

/** The payment chunk's strings (the fallback notice, the QR code, a wallet opened), apart so that only that chunk (dist/lazy/payment.js) carries them. */
export const zhCNPayment: PaymentCatalog = {
  payment: {
    offer: (reason, from, to, amount) =>
      ({
        unavailable: `${from}暂时无法使用。改用${to}支付 ${amount}？`,
        limit: `已超出${from}的支付限额。改用${to}支付 ${amount}？`,
        abandoned: `改用${to}支付 ${amount}？`,
      })[reason],
    accept: (to, immediate) => (immediate ? `改用${to}支付` : `改用${to}`),
    moved: (reason, from, to, byCard) =>
      ({
        unavailable: `${from}暂时无法使用，已改用${to}。`,
        limit: `已超出${from}的支付限额，已改用${to}。`,
        abandoned: `已改用${to}。`,
      })[reason] + (byCard ? '请填写银行卡信息。' : ''),
    back: (from) => `返回${from}`,
    preselected: (reason, from, to) =>
      reason === 'limit' ? `${from}无法支付此金额，已为你选择${to}。` : `${from}暂时无法使用，已为你选择${to}。`,
    qrLabel: (channel) => `${channel}二维码`,
    scanWith: (kind, channel) =>
      ({ wechat: '请使用微信「扫一扫」扫码支付', alipay: '请打开支付宝「扫一扫」扫码支付', unionpay: '请使用云闪付扫码支付' })[kind] ??
      `请使用${channel}扫码支付`,
    qrAmount: (amount) => `扫码支付 ${amount}`,
    qrLoading: '正在生成二维码…',
    walletOpen: (channel) => `请在${channel}中完成支付`,
  },
};

/** The saved cards chunk's strings, apart so that only that chunk (dist/lazy/saved-cards.js) carries them. */
export const zhCNSavedCards: SavedCardsCatalog = {
  savedCards: {
    legend: '已保存的银行卡',
    unusableLegend: '无法使用的银行卡',
    showUnusable: (count) => `显示无法使用的银行卡（${count}）`,
    hideUnusable: '隐藏无法使用的银行卡',
    newCard: '使用新卡',
    cardName: (brand, last4) => `${brand} 尾号 ${last4}`,
    expiry: (mmYY) => `有效期 ${mmYY}`,
    bankCard: (bank, type) => `${bank} ${type === 'debit' ? '储蓄卡' : '信用卡'}`,
    active: '可用',
    expiring: (mmYY) => `即将到期 ${mmYY}`,
    expired: '已过期',
    problem: { reported_lost: '已挂失', frozen: '已冻结', repeatedly_declined: '多次被拒', other: '状态异常' },
    expiredAdvice: '该卡已过期，请删除后添加新卡。',
    problemAdvice: {
      reported_lost: '该卡已挂失，请删除后使用其他银行卡。',
      frozen: '该卡已冻结，请联系发卡行，或使用其他银行卡。',
      repeatedly_declined: '该卡多次支付被拒，请联系发卡行，或删除后添加新卡。',
      other: '该卡暂时无法使用，请联系发卡行，或使用其他银行卡。',
    },
    empty: '没有已保存的银行卡，请在下方填写新卡。',
    noUsable: '已保存的银行卡都无法使用，请在下方填写新卡。',
    cvvLabel: (name) => `${name} 的安全码`,
    remove: '删除',
    removeLabel: (name) => `删除 ${name}`,
    confirmTitle: '删除银行卡',
    confirmText: (name) => `确定删除 ${name}？删除后不影响已完成的支付记录。`,
    confirm: '删除',
    cancel: '取消',
    removing: '正在删除…',
    removed: (name) => `已删除 ${name}`,
    removeVetoed: '未删除银行卡。',
    removeErrors: {
      card_not_found: '找不到这张银行卡，可能已被删除。请刷新页面。',
      card_in_use: '这张卡有一笔支付尚未完成，暂时无法删除，请稍后再试。',
      removal_unavailable: '当前无法删除银行卡。',
      session_expired: '订单已超时，无法删除银行卡，请重新下单。',
      network_error: '网络异常，银行卡未删除，请检查网络后重试。',
      timeout: '请求超时，银行卡未删除，请稍后重试。',
      signature_rejected: '请求校验失败，银行卡未删除，请刷新页面后重试。',
      request_rejected: '请求无效，银行卡未删除，请刷新页面后重试。',
      server_error: '服务暂时不可用，银行卡未删除，请稍后重试。',
    },
  },
};

/** The guide chunk's strings (opening the page in the system browser), apart so that only that chunk (dist/lazy/guide.js) carries them. */
export const zhCNGuide: GuideCatalog = {
  guide: {
    title: (channel) => `如何使用${channel}支付`,
    why: (app, channel) => `${app}内无法打开${channel}。请在手机浏览器中打开本页面，再选择${channel}。`,
    steps: (_app, channel) => ['点右上角「···」', '选择「在浏览器打开」', `在浏览器中选择${channel}完成支付`],
    miniProgramSteps: (channel) => ['点下方「复制链接」', '打开手机浏览器，粘贴链接并访问', `选择${channel}完成支付`],
    menuEntry: '在浏览器打开',
    pictureLabel: '示意图：点右上角「···」，在菜单中选择「在浏览器打开」',
    linkLabel: '本页链接',
    copy: '复制链接',
    copied: '已复制',
    selected: '已选中链接，请长按复制',
    close: '关闭',
  },
};
