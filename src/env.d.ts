declare const __BUILD_TARGET__: 'chrome' | 'firefox';
