/**
 * 8-bit image kernels that match OpenCV 4.6 bit for bit (grey, separable Gaussian and box blur, Laplacian, Sobel
 * magnitude, threshold, bilinear resize, letterbox padding), their argument holders, and the {@code image.*} filter
 * nodes ({@link dev.weir.kernels.image.ImageNodes}) that run them on a {@link dev.weir.kernels.KernelBackend}.
 */
package dev.weir.kernels.image;
