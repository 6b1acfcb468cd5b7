// Word lists, all in matchForm (lower case, no Latin accents, NFKC). Latin terms
// match at a word start; Japanese terms anywhere. Grouped by concept so that a
// page repeating one word counts once, whatever its language (en, ja, fr, de, es, it, pt).

export type ClaimConcept = 'infected' | 'blocked' | 'hacked' | 'dontClose' | 'expired' | 'dataAtRisk' | 'illegal';

export const CLAIM_TERMS: Record<ClaimConcept, readonly string[]> = {
  infected: [
    'virus', 'infected', 'infection', 'malware', 'spyware', 'adware', 'trojan', 'ransomware', 'zeus', 'threat detected', 'threats detected',
    'ウイルス', 'ウィルス', '感染', 'マルウェア', 'スパイウェア', 'トロイの木馬', 'トロイ', '脅威',
    'infecte', 'logiciel espion', 'logiciels espions', 'cheval de troie', 'menace', 'menaces',
    'infiziert', 'schadsoftware', 'schadprogramm', 'trojaner', 'bedrohung',
    'infectado', 'troyano', 'amenaza', 'infetto', 'infettato', 'minaccia', 'minacce', 'infetado', 'cavalo de troia', 'ameaca',
  ],
  blocked: [
    'has been blocked', 'been locked', 'is blocked', 'access blocked', 'blocked for security', 'access to this pc has been blocked', 'has been suspended', 'account suspended', 'been disabled',
    'ブロック', 'ロックされ', '停止されました', '無効化',
    'bloque', 'verrouille', 'suspendu',
    'gesperrt', 'blockiert',
    'bloqueado', 'bloccato', 'bloqueada',
  ],
  hacked: [
    'hacked', 'hacker', 'hackers', 'unauthorized access', 'unauthorised access', 'security breach', 'compromised', 'identity theft', 'suspicious activity',
    '不正アクセス', 'ハッキング', 'ハッカー', '乗っ取', '不審なアクティビティ',
    'pirate', 'acces non autorise', 'activite suspecte',
    'gehackt', 'unbefugter zugriff', 'unberechtigter zugriff', 'verdachtige aktivitat',
    'hackeado', 'pirateado', 'acceso no autorizado', 'hackerato', 'accesso non autorizzato', 'acesso nao autorizado',
  ],
  dontClose: [
    'do not close', 'do not restart', "don't close", "don't restart", 'do not shut down', 'do not turn off', 'do not ignore',
    '閉じないで', '再起動しないで', '電源を切らないで', 'シャットダウンしないで', '無視しないで',
    'ne fermez pas', 'ne pas fermer', 'ne redemarrez pas', 'ne pas redemarrer', "n'ignorez pas",
    'nicht schließen', 'nicht schliessen', 'nicht neu starten', 'schließen sie nicht', 'starten sie nicht neu', 'nicht ignorieren',
    'no cierre', 'no reinicie', 'no apague', 'non chiudere', 'non riavviare', 'nao feche', 'nao reinicie', 'nao desligue',
  ],
  expired: [
    'license expired', 'licence expired', 'license has expired', 'subscription expired', 'subscription has expired', 'subscription status',
    'ライセンスの有効期限', '有効期限が切れ', 'サブスクリプション',
    'licence expiree', 'abonnement expire', 'lizenz abgelaufen', 'abonnement abgelaufen',
    'licencia caducada', 'licencia expirada', 'licenza scaduta', 'licenca expirada',
  ],
  dataAtRisk: [
    'personal data at risk', 'your personal data', 'your personal information', 'your credit card', 'your passwords', 'your banking', 'your data is',
    'data theft', 'being stolen', 'been stolen', 'stealing your', 'steal your',
    '個人情報が盗', '個人情報の流出', '個人情報が流出', '情報が漏洩', '情報漏えい', '盗まれ', '抜き取られ',
    'vos donnees personnelles', 'vos mots de passe', 'votre carte de credit', 'vol de donnees', 'ihre personlichen daten', 'ihre passworter', 'ihre kreditkarte', 'datendiebstahl',
    'sus datos personales', 'sus contrasenas', 'robo de datos', 'i tuoi dati personali', 'le tue password', 'furto di dati', 'seus dados pessoais', 'suas senhas', 'roubo de dados',
  ],
  illegal: [
    'pornographic', 'pornography', 'porn spyware', 'illegal', 'ポルノ', 'アダルト', '違法', 'pornographique', 'illegale', 'pornografie', 'pornografia',
  ],
};

export const BRANDS: Record<string, readonly string[]> = {
  Microsoft: ['microsoft', 'マイクロソフト', 'msft'],
  Windows: ['windows', 'ウィンドウズ', 'ウインドウズ', 'defender', 'smartscreen', 'ディフェンダー'],
  Apple: ['apple', 'macos', 'mac os', 'icloud', 'iphone', 'アップル'],
  McAfee: ['mcafee', 'マカフィー'],
  Norton: ['norton', 'ノートン'],
  Avast: ['avast', 'アバスト'],
  AVG: ['avg antivirus'],
  Kaspersky: ['kaspersky', 'カスペルスキー'],
  Bitdefender: ['bitdefender'],
  Malwarebytes: ['malwarebytes'],
  Google: ['google chrome', 'google security'],
};

/** Words that ask the visitor to call. */
export const CALL_WORDS: readonly string[] = [
  'call', 'toll free', 'toll-free', 'helpline', 'help line', 'hotline', 'support', 'technician', 'contact', 'phone', 'dial',
  '電話', 'お問い合わせ', 'ご連絡', '連絡', 'サポート', 'フリーダイヤル', 'ヘルプデスク', '窓口',
  'appelez', 'appeler', 'contactez', 'assistance', 'numero', 'telephone',
  'anrufen', 'rufen sie', 'kontaktieren', 'telefon', 'hotline', 'gebuhrenfrei',
  'llame', 'llamar', 'contacte', 'telefono', 'chiama', 'chiamare', 'contatta', 'ligue', 'ligar', 'contate',
];

/** Fake scans and progress. */
export const SCAN_WORDS: readonly string[] = [
  'scanning', 'quick scan', 'scan complete', 'full scan', 'scan results', 'threats found', 'items scanned', 'files scanned',
  'スキャン', '検出されました', 'analyse en cours', 'analyse rapide', 'uberprufung', 'scannen', 'scan lauft', 'escaneando', 'escaneo', 'scansione', 'verificando',
];

export const COUNTDOWN_WORDS: readonly string[] = [
  'seconds', 'minutes', 'remaining', 'within', 'before', '秒', '分以内', '残り', 'secondes', 'avant', 'sekunden', 'minuten', 'segundos', 'secondi',
];

/** Labels in front of the visitor's own IP address. */
export const IP_LABELS: readonly string[] = ['ip address', 'ip', 'ipアドレス', 'adresse ip', 'ip-adresse', 'direccion ip', 'indirizzo ip', 'endereco ip'];

// Notification lures ("Click Allow if you are not a robot", 「許可」をクリックして動画を再生)
// trick the visitor into accepting the browser's notification prompt by presenting
// it as a gate. Read by ./lure.ts: an instruction to press the prompt's Allow button
// is a lure when a gate word is near it, or when nothing near it says what "Allow"
// is for (scam lures hide that it means notifications; a site's honest request says
// "to get notifications about new messages, click Allow").

/** Instructions to press the prompt's Allow button (matched after quotes and brackets are removed). */
export const LURE_ACTIONS: readonly string[] = [
  'click allow', 'click on allow', 'click the allow', 'press allow', 'press the allow', 'tap allow', 'tap on allow', 'tap the allow',
  'hit allow', 'select allow', 'choose allow', 'allow button',
  '許可をクリック', '許可するをクリック', '許可を押', '許可するを押', '許可ボタン', '許可するボタン', '許可をタップ', '許可するをタップ', '許可を選択', '許可するを選択',
  'cliquez sur autoriser', 'appuyez sur autoriser', 'klicken sie auf zulassen', 'klicken sie auf erlauben', 'auf zulassen klicken', 'auf erlauben klicken',
  'haga clic en permitir', 'haz clic en permitir', 'pulse permitir', 'pulsa permitir', 'clicca su consenti', 'fai clic su consenti', 'clique em permitir',
];

/** What a lure says "Allow" is for: a gate (continue, prove you are human, watch, download…). */
export const LURE_GATES: readonly string[] = [
  'continue', 'proceed', 'robot', 'not a bot', 'human', 'captcha', 'video', 'watch', 'play', 'download', 'access', 'verify', 'verification',
  'confirm you', 'confirm that you', 'your age', '18+', 'over 18', 'adult', 'unlock', 'movie', 'stream', 'enter the site', 'close this', 'exit',
  '続行', '続け', '進む', '進んで', 'ロボット', '人間', '動画', '再生', '視聴', 'ダウンロード', 'アクセス', '本人確認', '年齢確認', '認証', '18歳', '閉じ',
  'continuer', 'telecharger', 'weiter', 'roboter', 'herunterladen', 'continuar', 'descargar', 'continua', 'scaricare', 'baixar',
];

/** Words that say the prompt is about notifications: a site asking honestly. */
export const LURE_NOTIFY_WORDS: readonly string[] = [
  'notification', 'notify', 'notified', 'push', 'updates', 'alerts', 'newsletter',
  '通知', 'お知らせ', 'プッシュ', '更新情報', '最新情報',
  'benachrichtigung', 'mitteilungen', 'notificacion', 'notifiche', 'notificacoes',
];
