// The API's enumerations (docs/rest-api.md), in the order the forms offer them.
export const SOURCES = ['WEB', 'HOMEPAGE', 'TRADE_FAIR', 'CAMPAIGN', 'EMAIL', 'PHONE', 'REFERRAL', 'PARTNER', 'SOCIAL',
  'IMPORT', 'OTHER'];
export const STATUSES = ['OPEN', 'QUALIFIED', 'DISQUALIFIED'];
export const RATINGS = ['HOT', 'WARM', 'COLD'];
export const TIMEFRAMES = ['IMMEDIATE', 'THIS_QUARTER', 'NEXT_QUARTER', 'THIS_YEAR', 'NEXT_YEAR', 'UNKNOWN'];
export const PURCHASE_PROCESSES = ['INDIVIDUAL', 'COMMITTEE', 'UNKNOWN'];
export const CONTACT_METHODS = ['ANY', 'EMAIL', 'PHONE', 'MOBILE', 'MAIL', 'SOCIAL'];
export const MEDIA = ['PHONE', 'EMAIL', 'MEETING', 'LETTER', 'SOCIAL', 'OTHER'];
export const DIRECTIONS = ['OUTBOUND', 'INBOUND'];
export const SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'lastName', 'companyName'];
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];
