package dev.weir.kernels.image;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/**
 * The kernel-backed image filters: grey, Gaussian and box blur, Laplacian, Sobel magnitude, threshold, resize and
 * letterbox, all in palette category {@code Video/Filters} and all matching OpenCV 4.6 on 8-bit images bit for
 * bit (see {@code tools/oracles/opencv_filters.py}). Found through {@link java.util.ServiceLoader}.
 */
public final class ImageNodes implements NodeProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ImageNodes() {
    }

    /** Called once by whoever builds a registry; builds the descriptors, allocating only them. */
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(GreyNode.descriptor(), GaussianBlurNode.descriptor(), BoxBlurNode.descriptor(),
                LaplacianNode.descriptor(), SobelNode.descriptor(), ThresholdNode.descriptor(),
                ResizeNode.descriptor(), LetterboxNode.descriptor());
    }
}
