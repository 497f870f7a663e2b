import i18n from '../../lib/i18n';
import en from '../../lib/i18n/locales/en/admin.json';
import zhCN from '../../lib/i18n/locales/zh-CN/admin.json';

// The admin console's strings live in their own namespace.
i18n.addResourceBundle('en', 'admin', en, true, true);
i18n.addResourceBundle('zh-CN', 'admin', zhCN, true, true);
