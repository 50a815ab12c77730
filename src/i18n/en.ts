import type { GuideCatalog, Messages, PaymentCatalog, SavedCardsCatalog } from './messages.js';

const CHANNELS: Record<string, string> = {
  wechat: 'WeChat Pay',
  alipay: 'Alipay',
  unionpay: 'UnionPay QuickPass',
  ecny: 'e-CNY',
  card: 'Bank card',
};

const SETTLEMENT: Record<string, string> = {
  realtime: 'Arrives instantly',
  'T+0': 'Arrives today (T+0)',
  'D+0': 'Arrives today (D+0)',
  'T+1': 'Arrives next business day (T+1)',
  'D+1': 'Arrives tomorrow (D+1)',
};

export const en: Messages = {
  checkoutLabel: 'Checkout',
  careMode: 'Large text',
  loading: 'Loading checkout…',
  amountDue: 'Amount due',
  merchant: (name) => `Pay to ${name}`,
  channelsLabel: 'Choose how to pay',
  channelName: (kind) => CHANNELS[kind] ?? kind,
  settlement: (kind) => SETTLEMENT[kind] ?? `Arrives ${kind}`,
  perTransaction: (amount) => `Up to ${amount} per payment`,
  remainingToday: (amount) => `${amount} left today`,
  minimum: (amount) => `At least ${amount}`,
  feeRate: (percent) => `Fee ${percent}`,
  newBadge: 'New',
  degraded: 'Busy, may be slow',
  unavailable: (reason, until) =>
    ({
      down: 'Unavailable right now',
      maintenance: until ? `Under maintenance until ${until}` : 'Under maintenance',
      'over-per-transaction': 'Over the per-payment limit',
      'over-daily': "Over today's remaining limit",
      'under-minimum': 'Below the minimum amount',
      environment: 'Not available here: open this page in a browser',
    })[reason],
  pay: (amount) => `Pay ${amount}`,
  paying: 'Paying…',
  pendingStatus: 'Confirming the payment. Please do not pay again…',
  checkPayment: 'I have paid',
  offline: 'You are offline: connect to Wi-Fi or mobile data. The payment continues when the connection is back; you will not be charged twice.',
  cardFormUnavailable: 'The card form could not load. Check your connection and select Bank card again, or use another payment method.',
  selectChannel: 'Choose a payment method',
  successTitle: 'Payment successful',
  successDetail: (amount, channel) => `Paid ${amount} with ${channel}`,
  successReference: (id) => `Reference ${id}`,
  failureTitle: 'Payment not completed',
  retry: 'Try again',
  reload: 'Reload',
  errors: {
    session_missing: 'This checkout has no order. Go back to the shop and place the order again.',
    session_unreachable: 'Could not load the order. Check your connection and try again.',
    session_http_error: 'The order service is unavailable. Please try again later.',
    session_malformed: 'The order details are invalid, so it cannot be paid. Go back to the shop and order again.',
    session_expired: 'This order has expired. Go back to the shop and place it again.',
    attribute_invalid: 'This checkout is set up incorrectly. Please contact the merchant.',
    crypto_unavailable: 'This page is not secure (no HTTPS), so payment cannot be completed.',
    miniprogram_unavailable: 'The mini program’s payment page could not be opened. Go back to the mini program and try again, or use another payment method.',
    card_frame_unavailable: 'Card payment is unavailable right now. Please choose another payment method.',
  },
  failures: {
    declined: 'Your bank declined the payment. Try another payment method.',
    insufficient_funds: 'Insufficient funds. Try another payment method.',
    card_invalid: 'The card details are not valid. Check the number, expiry date and security code.',
    channel_unavailable: 'This payment method is unavailable right now. Try another one.',
    limit_exceeded: 'The payment is over the limit. Try another payment method.',
    canceled: 'The payment was canceled.',
    expired: 'The order has expired. Please order again.',
    network_error: 'Network problem. You will not be charged twice; check your connection and try again.',
    timeout: 'The payment timed out. Try again; you will not be charged twice.',
    response_malformed: 'The payment service gave an unexpected answer. Please try again.',
    signature_rejected: 'The payment request could not be verified. Reload the page and try again.',
    request_rejected: 'The payment request was invalid. Reload the page and try again.',
    order_already_paid: 'This order has already been paid.',
    server_error: 'The payment service is unavailable. Please try again later.',
    miniprogram_unavailable: 'The mini program’s payment page could not be opened. Go back to the mini program and try again, or use another payment method.',
    sms_code_invalid: 'The SMS code is wrong. Enter it again.',
    sms_code_expired: 'The SMS code has expired. Ask for a new one.',
    binding_locked: 'Too many wrong codes. Start binding the card again.',
    passkey_declined: 'Your fingerprint or face did not confirm this payment. Confirm the usual way, then pay again.',
    passkey_rejected: 'Your fingerprint or face did not confirm this payment. Confirm the usual way, then pay again.',
    payment_failed: 'The payment failed. Try again or use another payment method.',
  },
  declinedBy: (channel) => `${channel} declined this payment. Try another payment method.`,
  payBlocked: { card: 'Use another card or payment method', channel: 'Choose another payment method' },
  card: {
    legend: 'Card details',
    label: { number: 'Card number', expiry: 'Expiry date', cvv: 'Security code', name: 'Name on card' },
    expiryHint: 'MM/YY, e.g. 08/29',
    cvvHint: (digits) => `${digits} digits on the back of the card`,
    brandName: (id, fallback) => ({ unionpay: 'UnionPay', amex: 'American Express', diners: 'Diners Club' })[id] ?? fallback,
    brand: (name) => `Card network: ${name}`,
    missing: {
      number: 'Enter the card number',
      expiry: 'Enter the expiry date',
      cvv: 'Enter the security code',
      name: 'Enter the name on the card',
    },
    numberError: {
      empty: 'Enter the card number',
      incomplete: 'The card number is too short',
      'too-long': 'The card number is too long',
      luhn: 'The card number is not valid: check it',
      'unknown-brand': 'This card is not accepted: use another card',
    },
    expiryError: {
      empty: 'Enter the expiry date',
      incomplete: 'Enter it as MM/YY, e.g. 08/29',
      month: 'The month must be 01 to 12',
      past: 'This card has expired',
      'too-far': 'The expiry date is not valid: check it',
    },
    cvvError: {
      empty: 'Enter the security code',
      incomplete: 'The security code is too short',
      'too-long': 'The security code is too long',
      'not-digits': 'The security code is digits only',
    },
    nameError: { empty: 'Enter the name on the card', 'too-long': 'The name is too long', characters: 'The name has characters that are not allowed' },
  },
  channels: {
    appName: (app) => ({ wechat: 'WeChat', alipay: 'Alipay', unionpay: 'UnionPay' })[app],
    openInBrowser: (app) => `Not available inside ${app}: tap ··· at the top right and open this page in your browser`,
    copyToBrowser: 'Not available inside a mini program: copy the link and open it in your browser',
    guide: 'How to open',
    maintenanceWindow: (from, to) => `Maintenance ${from}–${to}`,
    feeFixed: (amount) => `Fee ${amount}`,
    countdownLabel: 'Time left to pay',
    countdownAnnounce: (seconds) =>
      seconds === 0
        ? 'The order has expired'
        : seconds >= 60
          ? 'Less than a minute left to pay'
          : `${seconds} seconds left to pay`,
    noticesLabel: 'Notices from the merchant',
    dismissNotice: (text) => `Dismiss notice: ${text}`,
  },
  fallback: {
    useAnother: 'Use another payment method',
    noneAvailable: 'No payment method can take this payment right now. Please try again later or contact the merchant.',
  },
};

/** The payment chunk's strings (the fallback notice, the QR code, a wallet opened), apart so that only that chunk (dist/lazy/payment.js) carries them. */
export const enPayment: PaymentCatalog = {
  payment: {
    offer: (reason, from, to, amount) =>
      ({
        unavailable: `${from} is unavailable right now. Pay ${amount} with ${to} instead?`,
        limit: `This is over your ${from} limit. Pay ${amount} with ${to} instead?`,
        abandoned: `Pay ${amount} with ${to} instead?`,
      })[reason],
    // Not immediate: a new card to type (the only channel that needs more input); "Use Bank card" read oddly.
    accept: (to, immediate) => (immediate ? `Pay with ${to}` : 'Pay by card instead'),
    moved: (reason, from, to, byCard) =>
      ({
        unavailable: `${from} is unavailable right now, so the payment moved to ${to}.`,
        limit: `This is over your ${from} limit, so the payment moved to ${to}.`,
        abandoned: `The payment moved to ${to}.`,
      })[reason] + (byCard ? ' Enter your card details.' : ''),
    back: (from) => `Back to ${from}`,
    preselected: (reason, from, to) =>
      reason === 'limit' ? `${from} cannot take this amount; ${to} is selected.` : `${from} is unavailable right now; ${to} is selected.`,
    qrLabel: (channel) => `QR code for ${channel}`,
    scanWith: (kind, channel) =>
      ({ wechat: 'Scan with WeChat (Scan)', alipay: 'Scan with the Alipay app', unionpay: 'Scan with UnionPay QuickPass' })[kind] ??
      `Scan with ${channel}`,
    qrAmount: (amount) => `Pay ${amount} by scanning`,
    qrLoading: 'Making the QR code…',
    walletOpen: (channel) => `Finish the payment in ${channel}`,
  },
};

/** The saved cards chunk's strings, apart so that only that chunk (dist/lazy/saved-cards.js) carries them. */
export const enSavedCards: SavedCardsCatalog = {
  savedCards: {
    legend: 'Saved cards',
    unusableLegend: 'Cards that cannot pay',
    showUnusable: (count) => `Show cards that cannot pay (${count})`,
    hideUnusable: 'Hide cards that cannot pay',
    newCard: 'Use a new card',
    cardName: (brand, last4) => `${brand} ending ${last4}`,
    expiry: (mmYY) => `Valid thru ${mmYY}`,
    bankCard: (bank, type) => `${bank} ${type === 'debit' ? 'debit card' : 'credit card'}`,
    active: 'Active',
    expiring: (mmYY) => `Expires ${mmYY}`,
    expired: 'Expired',
    problem: { reported_lost: 'Reported lost', frozen: 'Frozen', repeatedly_declined: 'Repeatedly declined', other: 'Unavailable' },
    expiredAdvice: 'This card has expired. Remove it and add a new card.',
    problemAdvice: {
      reported_lost: 'This card was reported lost. Remove it and use another card.',
      frozen: 'This card is frozen. Contact your bank, or use another card.',
      repeatedly_declined: 'Payments with this card were declined repeatedly. Contact your bank, or remove it and add a new card.',
      other: 'This card cannot pay right now. Contact your bank, or use another card.',
    },
    empty: 'No saved cards left. Enter a new card below.',
    noUsable: 'None of your saved cards can pay. Enter a new card below.',
    cvvLabel: (name) => `Security code of ${name}`,
    remove: 'Remove',
    removeLabel: (name) => `Remove ${name}`,
    confirmTitle: 'Remove card',
    confirmText: (name) => `Remove ${name}? Your past payments stay as they are.`,
    confirm: 'Remove',
    cancel: 'Cancel',
    removing: 'Removing…',
    removed: (name) => `${name} removed`,
    removeVetoed: 'The card was not removed.',
    removeErrors: {
      card_not_found: 'This card was not found; it may have been removed already. Reload the page.',
      card_in_use: 'A payment with this card is still in progress, so it cannot be removed yet. Try again later.',
      removal_unavailable: 'Cards cannot be removed here right now.',
      session_expired: 'The order has expired, so the card cannot be removed. Please order again.',
      network_error: 'Network problem: the card was not removed. Check your connection and try again.',
      timeout: 'The request timed out: the card was not removed. Try again later.',
      signature_rejected: 'The request could not be verified: the card was not removed. Reload the page and try again.',
      request_rejected: 'The request was invalid: the card was not removed. Reload the page and try again.',
      server_error: 'The service is unavailable: the card was not removed. Try again later.',
    },
  },
};

/** The guide chunk's strings (opening the page in the system browser), apart so that only that chunk (dist/lazy/guide.js) carries them. */
export const enGuide: GuideCatalog = {
  guide: {
    title: (channel) => `How to pay with ${channel}`,
    why: (app, channel) => `${app} cannot open ${channel}. Open this page in your phone’s browser, then choose ${channel}.`,
    steps: (_app, channel) => ['Tap “···” at the top right', 'Choose “Open in Browser”', `In the browser, choose ${channel} and pay`],
    miniProgramSteps: (channel) => ['Tap “Copy link” below', 'Open your phone’s browser, paste the link and go to it', `Choose ${channel} and pay`],
    menuEntry: 'Open in Browser',
    pictureLabel: 'Picture: tap “···” at the top right, then “Open in Browser” in the menu',
    linkLabel: 'Link to this page',
    copy: 'Copy link',
    copied: 'Copied',
    selected: 'The link is selected: copy it',
    close: 'Close',
  },
};
