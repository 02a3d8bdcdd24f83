/**
 * The UTF-16 code units of a text in a typed array, reused from call to call: a scanner reads a typed
 * array faster than it calls charCodeAt on a string, and Buffer's UTF-16 write copies the units natively
 * (lone surrogates included). The array returned may be longer than the text and holds it only until the
 * next call.
 */
let bytes = Buffer.allocUnsafeSlow(1 << 16);
let units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function textCodes(text: string): Uint16Array {
  if (text.length > units.length) {
    bytes = Buffer.allocUnsafeSlow(Math.max(text.length, units.length * 2) * 2);
    units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  }
  if (littleEndian) bytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
