/** localStorage key holding 'light' | 'dark' (absent: follow the system). */
export const THEME_KEY = 'stratus-theme';

/** Runs before first paint (inline in <head>): sets the `dark` class without a flash. */
export const themeScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});var d=t?t==='dark':window.matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;
