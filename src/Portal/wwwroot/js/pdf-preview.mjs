// The PDF preview (Pages/Documents/AttachmentsPreviewPdf): PDF.js draws each page into a canvas with a text layer
// (so the text can be selected and read by assistive technology). Eval, XFA and document scripts stay off.
import * as pdfjs from '/lib/pdfjs/pdf.min.mjs';

const MaxPages = 50;
const root = document.getElementById('pdf-viewer');
const lib = root.dataset.lib;
const status = root.querySelector('.pdf-status');
pdfjs.GlobalWorkerOptions.workerSrc = lib + 'pdf.worker.min.mjs';

function format(template, ...values) {
    return values.reduce((text, value) => text.replace('{}', value), template.replace(/\{(\d)\}/g, '{}'));
}

async function renderPage(pdf, number, width) {
    const page = await pdf.getPage(number);
    const unscaled = page.getViewport({ scale: 1 });
    const scale = Math.max(0.5, Math.min(2, (width - 16) / unscaled.width));
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;

    const section = document.createElement('section');
    section.className = 'pdf-page';
    section.setAttribute('aria-label', format(root.dataset.textPage, number, pdf.numPages));
    section.style.setProperty('--scale-factor', String(scale));
    section.style.setProperty('--total-scale-factor', String(scale));
    section.style.setProperty('--user-unit', '1');
    section.style.width = viewport.width + 'px';
    section.style.height = viewport.height + 'px';

    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = viewport.width + 'px';
    canvas.style.height = viewport.height + 'px';
    canvas.setAttribute('aria-hidden', 'true');
    section.appendChild(canvas);

    const text = document.createElement('div');
    text.className = 'textLayer';
    section.appendChild(text);
    root.appendChild(section);

    await page.render({
        canvas,
        canvasContext: canvas.getContext('2d'),
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
    }).promise;
    await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    section.dataset.rendered = 'true';
}

async function show() {
    try {
        const pdf = await pdfjs.getDocument({
            url: root.dataset.pdfSrc,
            isEvalSupported: false,
            enableXfa: false,
            cMapUrl: lib + 'cmaps/',
            cMapPacked: true,
            standardFontDataUrl: lib + 'standard_fonts/',
            withCredentials: true,
        }).promise;
        status.remove();
        const width = Math.min(root.clientWidth || 800, 1000);
        const count = Math.min(pdf.numPages, MaxPages);
        for (let number = 1; number <= count; number++) {
            await renderPage(pdf, number, width);
        }
        if (pdf.numPages > MaxPages) {
            const more = document.createElement('p');
            more.className = 'pdf-more';
            more.textContent = format(root.dataset.textMore, MaxPages);
            root.appendChild(more);
        }
        root.dataset.pages = String(pdf.numPages);
    } catch (error) {
        status.textContent = root.dataset.textError;
        status.classList.add('pdf-error');
        root.dataset.error = 'true';
        console.warn('PDF preview failed', error);
    } finally {
        root.setAttribute('aria-busy', 'false');
    }
}

show();
