// The reader of an encrypted clientbook page: inlined into every page (its hash is in the page's
// Content-Security-Policy). Plain JavaScript, Web Crypto only. See scripts/site-integration/encrypt/.
(() => {
  const locked = JSON.parse(document.getElementById('clientbook-locked').textContent);
  const STORE = `clientbook-book-key:${locked.book}`;
  const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const base64 = (data) => btoa(Array.from(data, (b) => String.fromCharCode(b)).join(''));
  const subtle = crypto.subtle;

  async function bookKey(passphrase) {
    const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
    const params = { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(locked.book), iterations: locked.bookIterations };
    return new Uint8Array(await subtle.deriveBits(params, material, 256));
  }

  async function decrypt(book) {
    const material = await subtle.importKey('raw', book, 'PBKDF2', false, ['deriveKey']);
    const params = { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(locked.salt), iterations: locked.siteIterations };
    const key = await subtle.deriveKey(params, material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    const aes = { name: 'AES-GCM', iv: bytes(locked.iv), additionalData: new TextEncoder().encode(locked.page) };
    return new TextDecoder().decode(await subtle.decrypt(aes, key, bytes(locked.data)));
  }

  function forget() {
    sessionStorage.removeItem(STORE);
    localStorage.removeItem(STORE);
  }

  function show(html) {
    document.open();
    document.write(html);
    document.close();
    const lock = document.createElement('button');
    lock.type = 'button';
    lock.className = 'lock-button';
    lock.textContent = 'Lock';
    lock.title = 'Lock this site: the passphrase is asked again, here and on this device';
    lock.addEventListener('click', () => {
      forget();
      location.reload();
    });
    (document.querySelector('.site-header .inner') ?? document.body).append(lock);
  }

  function ask() {
    const form = document.getElementById('unlock');
    const input = document.getElementById('passphrase');
    const remember = document.getElementById('remember');
    const error = document.getElementById('unlock-error');
    const button = form.querySelector('button');
    form.hidden = false;
    input.focus();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      button.textContent = 'Unlocking…';
      try {
        const book = await bookKey(input.value);
        const html = await decrypt(book);
        sessionStorage.setItem(STORE, base64(book));
        if (remember.checked) localStorage.setItem(STORE, base64(book));
        show(html);
      } catch {
        // A wrong passphrase fails the authentication tag: nothing was decrypted, nothing is shown.
        error.hidden = false;
        input.value = '';
        input.focus();
        button.disabled = false;
        button.textContent = 'Unlock';
      }
    });
  }

  let kept = null;
  try {
    kept = sessionStorage.getItem(STORE) ?? localStorage.getItem(STORE);
  } catch {
    // Storage refused (a private window's settings): ask every time.
  }
  if (kept === null) ask();
  else
    decrypt(bytes(kept)).then(
      (html) => {
        sessionStorage.setItem(STORE, kept);
        show(html);
      },
      () => {
        forget();
        ask();
      },
    );
})();
