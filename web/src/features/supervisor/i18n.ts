import i18n from '../../lib/i18n';
import en from '../../lib/i18n/locales/en/supervisor.json';
import zhCN from '../../lib/i18n/locales/zh-CN/supervisor.json';

// The wallboard's strings live in their own namespace, loaded with its chunk.
i18n.addResourceBundle('en', 'supervisor', en, true, true);
i18n.addResourceBundle('zh-CN', 'supervisor', zhCN, true, true);
