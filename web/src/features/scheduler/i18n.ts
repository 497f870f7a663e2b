import i18n from '../../lib/i18n';
import en from '../../lib/i18n/locales/en/scheduler.json';
import zhCN from '../../lib/i18n/locales/zh-CN/scheduler.json';

// The planner's strings live in their own namespace, loaded with its chunk.
i18n.addResourceBundle('en', 'scheduler', en, true, true);
i18n.addResourceBundle('zh-CN', 'scheduler', zhCN, true, true);
