/** Bytes → base64 in the browser, in chunks: String.fromCharCode over a whole workbook overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A picked file's bytes through FileReader, which every Office webview has (Blob.arrayBuffer is newer). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`无法读取文件（${reader.error?.message ?? "未知原因"}）`));
    reader.readAsArrayBuffer(file);
  });
}
