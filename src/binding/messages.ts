import type { BindingProblem } from '../transport/binding-client.js';
import type { IdProblem } from './resident-id.js';
import type { MobileProblem } from './mobile.js';

/** The binding form's words (its lazy chunk carries them, in all three catalogs). */
export interface BindingMessages {
  legend: string;
  /** The card frame's name in binding mode (its fields are the binding form's, not the card form's). */
  frameTitle: string;
  number: string;
  numberHint: string;
  numberError: string;
  /** "中国邮政储蓄银行 储蓄卡" */
  cardInfo: (bank: string, type: 'debit' | 'credit') => string;
  cardUnknown: string;
  lookingUp: string;
  name: string;
  nameError: string;
  idNumber: string;
  idError: Record<IdProblem, string>;
  mobile: string;
  mobileHint: string;
  mobileError: Record<MobileProblem, string>;
  expiry: string;
  expiryHint: string;
  expiryError: string;
  cvv: string;
  cvvHint: string;
  cvvError: string;
  /** The checkbox's label, before the link. */
  agree: string;
  /** The link's text. */
  agreement: string;
  agreeError: string;
  getCode: string;
  /** The pay button's words while a saved bound card's code is not asked for yet, and while it is not typed. */
  payNeeds: { send: string; code: string };
  sending: string;
  /** Where the code went: the masked phone. */
  codeSent: (mobile: string) => string;
  code: string;
  codeError: string;
  resend: string;
  resendIn: (seconds: number) => string;
  /** Change the details the code was sent for. */
  edit: string;
  problems: Record<BindingProblem, string>;
  /** A wrong code, with the tries left. */
  codeInvalid: (left: number) => string;
  /** A payer the host verified, masked: 张*三, 1101**********1234. */
  knownPayer: (name: string, id: string) => string;
  /** Where the code goes for a verified payer. */
  codeToBankPhone: string;
  /** "Save this card": the checkbox, off until the payer ticks it, and what it means. */
  save: string;
  saveHint: string;
  /** A saved bound card's SMS step: its group's name. */
  smsLegend: string;
  /** The bank refused a saved card's code. */
  savedRefused: string;
}

export const zhCNBinding: BindingMessages = {
  legend: '银行卡快捷支付',
  frameTitle: '银行卡快捷支付信息',
  number: '卡号',
  numberHint: '支持储蓄卡和信用卡',
  numberError: '卡号有误，请核对',
  cardInfo: (bank, type) => `${bank} ${type === 'debit' ? '储蓄卡' : '信用卡'}`,
  cardUnknown: '未能识别发卡行，请核对卡号',
  lookingUp: '正在识别发卡行…',
  name: '持卡人姓名',
  nameError: '请填写持卡人姓名',
  idNumber: '身份证号',
  idError: { empty: '请填写身份证号', incomplete: '身份证号应为 18 位', format: '身份证号格式有误', 'check-digit': '身份证号有误，请核对最后一位' },
  mobile: '银行预留手机号',
  mobileHint: '办卡时在银行登记的手机号',
  mobileError: { empty: '请填写手机号', incomplete: '手机号应为 11 位', format: '手机号格式有误' },
  expiry: '有效期',
  expiryHint: '月/年，如 08/29',
  expiryError: '有效期有误',
  cvv: '安全码',
  cvvHint: '卡背面 3 位数字',
  cvvError: '请填写 3 位安全码',
  agree: '我已阅读并同意',
  agreement: '《快捷支付服务协议》',
  agreeError: '请先阅读并同意快捷支付服务协议',
  getCode: '获取验证码',
  payNeeds: { send: '请获取验证码', code: '请输入验证码' },
  sending: '正在发送…',
  codeSent: (mobile) => `验证码已发送至 ${mobile}`,
  code: '短信验证码',
  codeError: '请输入 6 位验证码',
  resend: '重新获取',
  resendIn: (seconds) => `${seconds} 秒后重新获取`,
  edit: '修改信息',
  problems: {
    sms_code_invalid: '验证码错误，请重新输入',
    sms_code_expired: '验证码已过期，请重新获取',
    binding_locked: '验证码错误次数过多，请重新获取验证码',
    mobile_mismatch: '手机号与银行预留手机号不一致，请核对',
    card_refused: '银行未通过验证，请核对卡号、姓名和身份证号',
    sms_too_soon: '请稍后再获取验证码',
    network_error: '网络异常，请稍后重试',
    session_expired: '订单已超时，请重新下单',
    request_rejected: '请求无效，请刷新页面后重试',
  },
  codeInvalid: (left) => `验证码错误，还可尝试 ${left} 次`,
  knownPayer: (name, id) => `持卡人 ${name}，身份证 ${id}`,
  codeToBankPhone: '验证码将发送至该卡在银行预留的手机号',
  save: '保存此卡',
  saveHint: '下次用此卡付款，只需输入短信验证码',
  smsLegend: '短信验证',
  savedRefused: '银行暂不支持此卡付款，请更换银行卡或支付方式',
};

export const zhTWBinding: BindingMessages = {
  legend: '銀行卡快捷支付',
  frameTitle: '銀行卡快捷支付資訊',
  number: '卡號',
  numberHint: '支援儲蓄卡和信用卡',
  numberError: '卡號有誤，請核對',
  cardInfo: (bank, type) => `${bank} ${type === 'debit' ? '儲蓄卡' : '信用卡'}`,
  cardUnknown: '未能識別發卡行，請核對卡號',
  lookingUp: '正在識別發卡行…',
  name: '持卡人姓名',
  nameError: '請填寫持卡人姓名',
  idNumber: '身分證號',
  idError: { empty: '請填寫身分證號', incomplete: '身分證號應為 18 位', format: '身分證號格式有誤', 'check-digit': '身分證號有誤，請核對最後一位' },
  mobile: '銀行預留手機號',
  mobileHint: '辦卡時在銀行登記的手機號',
  mobileError: { empty: '請填寫手機號', incomplete: '手機號應為 11 位', format: '手機號格式有誤' },
  expiry: '有效期',
  expiryHint: '月/年，如 08/29',
  expiryError: '有效期有誤',
  cvv: '安全碼',
  cvvHint: '卡背面 3 位數字',
  cvvError: '請填寫 3 位安全碼',
  agree: '我已閱讀並同意',
  agreement: '《快捷支付服務協議》',
  agreeError: '請先閱讀並同意快捷支付服務協議',
  getCode: '取得驗證碼',
  payNeeds: { send: '請取得驗證碼', code: '請輸入驗證碼' },
  sending: '正在傳送…',
  codeSent: (mobile) => `驗證碼已傳送至 ${mobile}`,
  code: '簡訊驗證碼',
  codeError: '請輸入 6 位驗證碼',
  resend: '重新取得',
  resendIn: (seconds) => `${seconds} 秒後重新取得`,
  edit: '修改資料',
  problems: {
    sms_code_invalid: '驗證碼錯誤，請重新輸入',
    sms_code_expired: '驗證碼已過期，請重新取得',
    binding_locked: '驗證碼錯誤次數過多，請重新取得驗證碼',
    mobile_mismatch: '手機號與銀行預留手機號不一致，請核對',
    card_refused: '銀行未通過驗證，請核對卡號、姓名和身分證號',
    sms_too_soon: '請稍後再取得驗證碼',
    network_error: '網路異常，請稍後重試',
    session_expired: '訂單已逾時，請重新下單',
    request_rejected: '請求無效，請重新整理頁面後重試',
  },
  codeInvalid: (left) => `驗證碼錯誤，還可嘗試 ${left} 次`,
  knownPayer: (name, id) => `持卡人 ${name}，身分證 ${id}`,
  codeToBankPhone: '驗證碼將傳送至該卡在銀行預留的手機號',
  save: '儲存此卡',
  saveHint: '下次用此卡付款，只需輸入簡訊驗證碼',
  smsLegend: '簡訊驗證',
  savedRefused: '銀行暫不支援此卡付款，請更換銀行卡或付款方式',
};

export const enBinding: BindingMessages = {
  legend: 'Bank card quick pay',
  frameTitle: 'Bank card quick pay details',
  number: 'Card number',
  numberHint: 'Debit and credit cards',
  numberError: 'Check the card number',
  cardInfo: (bank, type) => `${bank} ${type === 'debit' ? 'debit card' : 'credit card'}`,
  cardUnknown: 'Bank not recognised; check the card number',
  lookingUp: 'Finding your bank…',
  name: 'Cardholder name',
  nameError: 'Enter the cardholder name',
  idNumber: 'Resident ID number',
  idError: { empty: 'Enter your ID number', incomplete: 'An ID number has 18 characters', format: 'This is not an ID number', 'check-digit': 'Check the ID number (its last character)' },
  mobile: 'Mobile number registered with the bank',
  mobileHint: 'The number you gave the bank for this card',
  mobileError: { empty: 'Enter the mobile number', incomplete: 'A mobile number has 11 digits', format: 'This is not a mobile number' },
  expiry: 'Expiry',
  expiryHint: 'MM/YY, e.g. 08/29',
  expiryError: 'Check the expiry date',
  cvv: 'Security code',
  cvvHint: '3 digits on the back',
  cvvError: 'Enter the 3-digit security code',
  agree: 'I have read and agree to the',
  agreement: 'Quick Pay Service Agreement',
  agreeError: 'Please read and accept the Quick Pay Service Agreement',
  getCode: 'Get code',
  payNeeds: { send: 'Get the SMS code', code: 'Enter the SMS code' },
  sending: 'Sending…',
  codeSent: (mobile) => `Code sent to ${mobile}`,
  code: 'SMS code',
  codeError: 'Enter the 6-digit code',
  resend: 'Send again',
  resendIn: (seconds) => `Send again in ${seconds} s`,
  edit: 'Change details',
  problems: {
    sms_code_invalid: 'Wrong code; enter it again',
    sms_code_expired: 'The code has expired; get a new one',
    binding_locked: 'Too many wrong codes; get a new code',
    mobile_mismatch: 'This is not the mobile number your bank has for this card',
    card_refused: 'The bank could not verify the card; check the number, name and ID',
    sms_too_soon: 'Please wait before asking for another code',
    network_error: 'Network problem; try again shortly',
    session_expired: 'The order has expired; please order again',
    request_rejected: 'The request was refused; reload the page and try again',
  },
  codeInvalid: (left) => `Wrong code; ${left} ${left === 1 ? 'try' : 'tries'} left`,
  knownPayer: (name, id) => `Cardholder ${name}, ID ${id}`,
  codeToBankPhone: 'The code goes to the mobile number your bank has for this card',
  save: 'Save this card',
  saveHint: 'Next time, pay with this card by SMS code alone',
  smsLegend: 'SMS verification',
  savedRefused: 'The bank does not take this card now; use another card or payment method',
};
